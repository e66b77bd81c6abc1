{#-
    Every code list, in one test node: the contract of a code-list seed
    (`soscare_code_list_problems`: every code present and listed once; every
    row with a canonical code that is a current code of the same list, a label
    and an is_legacy flag). The code lists checked are those of the staging
    registry (`soscare_code_lists(soscare_staging_files())`), so dbt knows them
    at parse time and runs the test after the seeds; a seed of the code_lists
    schema that the registry does not name is a problem too (it would not be
    checked, and no staging column uses it). Returns one row per problem:
    code_list (the seed), code and problem.
-#}
{%- set code_lists = soscare_code_lists(soscare_staging_files()) -%}
{%- set unchecked = [] -%}
{%- if execute -%}
    {%- for node in graph.nodes.values() if node.resource_type == 'seed' and node.package_name == project_name -%}
        {%- if node.config.schema == 'code_lists' and node.name not in code_lists -%}
            {%- do unchecked.append(node.name) -%}
        {%- endif -%}
    {%- endfor -%}
{%- endif -%}

with

code_list_rows as (
    {%- for code_list in code_lists %}

        select
            '{{ code_list }}' as code_list,
            code,
            canonical_code,
            label,
            is_legacy
        from {{ ref(code_list) }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}

),

problems as (
    {{ soscare_code_list_problems('code_list_rows') | indent(4) }}
),

final as (
    select * from problems
    {%- for code_list in unchecked %}
    union all
    select
        '{{ code_list }}' as code_list,
        cast(null as varchar) as code,
        'not checked: no coded column of soscare_staging_files() names this code list' as problem
    {%- endfor %}
)

select * from final
