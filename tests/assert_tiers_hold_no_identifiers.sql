{#-
    Access tiers: a `marts` or `published` model may not carry an identifier
    (a column tagged `sensitive` anywhere in the project: HCN, soscare_id,
    postcode, family member id, carer code), nor depend on a `restricted`
    model. Reads the manifest (`graph`) for declared columns and dependencies,
    and the built schemas for the columns actually there.
-#}
{%- set open_tiers = ['marts', 'published'] -%}
{%- set problems = [] -%}
{%- set sensitive_names = [] -%}
{%- if execute -%}
    {%- set nodes = graph.nodes.values() | list + graph.sources.values() | list -%}
    {%- for node in nodes -%}
        {%- for column in node.get('columns', {}).values() -%}
            {%- if column.get('meta', {}).get('sensitive') or 'sensitive' in column.get('tags', []) -%}
                {%- do sensitive_names.append(column.name | lower) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- for node in graph.nodes.values() if node.resource_type in ['model', 'snapshot', 'seed'] -%}
        {%- if node.config.schema in open_tiers -%}
            {%- for column in node.columns.values() if column.name | lower in sensitive_names -%}
                {%- do problems.append((node.name, 'declares the identifier column ' ~ column.name)) -%}
            {%- endfor -%}
            {%- for parent in node.depends_on.nodes -%}
                {%- set parent_node = graph.nodes.get(parent) -%}
                {%- if parent_node and parent_node.config.schema == 'restricted' -%}
                    {%- do problems.append((node.name, 'depends on the restricted model ' ~ parent_node.name)) -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endfor -%}
{%- endif -%}

with declared as (
    select
        problem.model_name,
        problem.problem
    from (
        values
        ('', '')
        {%- for model_name, problem in problems %},
        ('{{ model_name }}', '{{ problem }}')
        {%- endfor %}
    ) as problem (model_name, problem)
    where problem.model_name != ''
),

built as (
    select
        built_columns.table_name as model_name,
        'has the identifier column ' || built_columns.column_name as problem
    from information_schema.columns as built_columns
    where
        built_columns.table_schema in (
            {%- for tier in open_tiers %}
                '{{ tier }}'{% if not loop.last %},{% endif %}
            {%- endfor %}
        )
        and lower(built_columns.column_name) in (
            {%- for name in (sensitive_names | unique | list or ['hcn']) %}
                '{{ name }}'{% if not loop.last %},{% endif %}
            {%- endfor %}
        )
),

final as (
    select * from declared
    union all
    select * from built
)

select * from final
