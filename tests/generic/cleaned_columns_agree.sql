{% test cleaned_columns_agree(model) %}
{#-
    Every cleaned column of a staging model agrees with its `_issue` column, in
    one test per model (generated from `soscare_staging_files()`, the registry
    of what each staging model cleans): exactly one of value and issue is null;
    the issue is one of `soscare_issue_reasons(kind)`; a date (and the
    record_date) lies between 1985-01-01 and var('reference_date'). Returns one
    row per problem: record_id, the column, its issue and the problem. Stops
    with an error naming any `_issue` column the registry does not cover.
-#}
{%- set file = model.identifier | replace('stg_soscare__', '') -%}
{%- set files = soscare_staging_files() -%}
{%- if execute and file not in files -%}
    {{ exceptions.raise_compiler_error(
        "cleaned_columns_agree: " ~ model.identifier ~ " is not a staging model listed in soscare_staging_files()."
    ) }}
{%- endif -%}
{#- (at parse time `model` is a placeholder: nothing to look up yet) -#}
{%- set spec = files.get(file, {'hcn': false, 'integers': [], 'dates': [], 'date': none}) -%}
{%- set checked = [] -%}
{%- if spec.hcn -%}
    {%- do checked.append(('hcn', 'hcn')) -%}
{%- endif -%}
{%- for column in spec.integers -%}
    {%- do checked.append((column, 'integer')) -%}
{%- endfor -%}
{%- for column in spec.dates -%}
    {%- do checked.append((column, 'date')) -%}
{%- endfor -%}
{%- if execute -%}
    {%- set covered = checked | map(attribute=0) | list -%}
    {%- set uncovered = [] -%}
    {%- for column in adapter.get_columns_in_relation(model) -%}
        {%- set name = column.name | lower -%}
        {%- if name.endswith('_issue') and name[:-6] not in covered -%}
            {%- do uncovered.append(name) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if uncovered -%}
        {{ exceptions.raise_compiler_error(
            "cleaned_columns_agree: " ~ model.identifier ~ " has issue column(s) " ~ (uncovered | join(', '))
            ~ " that soscare_staging_files()['" ~ file ~ "'] does not list; add them to its hcn, integers or dates."
        ) }}
    {%- endif -%}
{%- endif -%}
{%- set min_date = "cast('1985-01-01' as date)" -%}
{%- set max_date = "cast('" ~ var('reference_date') ~ "' as date)" -%}

with

staged as (
    select * from {{ model }}
),

problems as (
    {%- for column, kind in checked %}
    select
        record_id,
        '{{ column }}' as column_name,
        {{ column }}_issue as issue,
        case
            when {{ column }} is null and {{ column }}_issue is null then 'value and issue both null'
            when {{ column }} is not null and {{ column }}_issue is not null then 'value and issue both set'
            when {{ column }}_issue not in ('{{ soscare_issue_reasons(kind) | join("', '") }}') then 'unknown issue'
            {%- if kind == 'date' %}
            when {{ column }} < {{ min_date }} or {{ column }} > {{ max_date }} then 'date out of range'
            {%- endif %}
        end as problem
    from staged
    union all
    {%- endfor %}
    {%- if spec.date == 'record_date' %}
    select
        record_id,
        'record_date' as column_name,
        cast(null as varchar) as issue,
        case
            when record_date < {{ min_date }} or record_date > {{ max_date }} then 'date out of range'
        end as problem
    from staged
    union all
    {%- endif %}
    select
        cast(null as varchar) as record_id,
        cast(null as varchar) as column_name,
        cast(null as varchar) as issue,
        cast(null as varchar) as problem
    where false
),

final as (
    select * from problems
    where problem is not null
)

select * from final
{% endtest %}
