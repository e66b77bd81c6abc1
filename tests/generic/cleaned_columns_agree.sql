{% test cleaned_columns_agree(model) %}
{#-
    Every cleaned column of a staging model agrees with its `_issue` column, and
    every coded column holds a code of its list, in one test per model
    (generated from `soscare_staging_files()`, the registry of what each
    staging model cleans): exactly one of value and issue is null; the issue is
    one of `soscare_issue_reasons(kind)`; a date (and the record_date) lies
    between 1985-01-01 and var('reference_date'); a coded value is null,
    `UNKNOWN` or a current (non-legacy) code of the code-list seed the
    registry's `codes` gives it (the rule of `accepted_codes`). Returns one row
    per problem: record_id, the column, its issue, the offending code (for a
    code problem) and the problem. Stops with an error naming any `_issue`
    column, or coded column (one with a `_raw` column beside it), the registry
    does not cover, or a coded column without a code list.
-#}
{%- set file = model.identifier | replace('stg_soscare__', '') -%}
{%- set files = soscare_staging_files() -%}
{%- if execute and file not in files -%}
    {{ exceptions.raise_compiler_error(
        "cleaned_columns_agree: " ~ model.identifier ~ " is not a staging model listed in soscare_staging_files()."
    ) }}
{%- endif -%}
{#-
    At parse time `model` is a placeholder: nothing to look up yet. The test
    then depends on every code list of the registry, so that it may read its
    own model's lists when it runs.
-#}
{%- if not execute -%}
    {%- for code_list in soscare_code_lists(files) -%}
        {%- do ref(code_list) -%}
    {%- endfor -%}
{%- endif -%}
{%- set spec = files.get(file, {'hcn': false, 'integers': [], 'dates': [], 'date': none, 'codes': {}}) -%}
{%- set code_lists = soscare_code_lists({file: spec}) -%}
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
    {%- set uncoded = [] -%}
    {%- for column in adapter.get_columns_in_relation(model) -%}
        {%- set name = column.name | lower -%}
        {%- if name.endswith('_issue') and name[:-6] not in covered -%}
            {%- do uncovered.append(name) -%}
        {%- endif -%}
        {%- if name.endswith('_raw') and name[:-4] not in spec.codes -%}
            {%- do uncoded.append(name[:-4]) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if uncovered -%}
        {{ exceptions.raise_compiler_error(
            "cleaned_columns_agree: " ~ model.identifier ~ " has issue column(s) " ~ (uncovered | join(', '))
            ~ " that soscare_staging_files()['" ~ file ~ "'] does not list; add them to its hcn, integers or dates."
        ) }}
    {%- endif -%}
    {%- if uncoded -%}
        {{ exceptions.raise_compiler_error(
            "cleaned_columns_agree: " ~ model.identifier ~ " has coded column(s) " ~ (uncoded | join(', '))
            ~ " (with a _raw column) that soscare_staging_files()['" ~ file ~ "'].codes does not list;"
            ~ " add each with its code-list seed."
        ) }}
    {%- endif -%}
{%- endif -%}
{%- set min_date = "cast('1985-01-01' as date)" -%}
{%- set max_date = "cast('" ~ var('reference_date') ~ "' as date)" -%}

{#- Each check below reads the model itself, not a shared CTE: a CTE read by
    every branch is materialised with all its columns first, while each direct
    read scans only the two or three columns its check needs (about a third
    less work on referrals at scale 1). -#}
with
{%- for code_list in code_lists %}

{{ code_list }} as (
    select * from {{ ref(code_list) }}
),
{%- endfor %}

problems as (
    {%- for column, kind in checked %}
    select
        record_id,
        '{{ column }}' as column_name,
        {{ column }}_issue as issue,
        cast(null as varchar) as code_value,
        case
            when {{ column }} is null and {{ column }}_issue is null then 'value and issue both null'
            when {{ column }} is not null and {{ column }}_issue is not null then 'value and issue both set'
            when {{ column }}_issue not in ('{{ soscare_issue_reasons(kind) | join("', '") }}') then 'unknown issue'
            {%- if kind == 'date' %}
            when {{ column }} < {{ min_date }} or {{ column }} > {{ max_date }} then 'date out of range'
            {%- endif %}
        end as problem
    from {{ model }}
    union all
    {%- endfor %}
    {%- if spec.date == 'record_date' %}
    select
        record_id,
        'record_date' as column_name,
        cast(null as varchar) as issue,
        cast(null as varchar) as code_value,
        case
            when record_date < {{ min_date }} or record_date > {{ max_date }} then 'date out of range'
        end as problem
    from {{ model }}
    union all
    {%- endif %}
    {%- for column, code_list in spec.codes.items() %}
    select
        record_id,
        '{{ column }}' as column_name,
        cast(null as varchar) as issue,
        cast({{ column }} as varchar) as code_value,
        'not a current code of {{ code_list }}' as problem
    from {{ model }}
    where
        {{ column }} is not null
        and {{ column }} <> 'UNKNOWN'
        and {{ column }} not in (
            select code from {{ code_list }} where not is_legacy
        )
    union all
    {%- endfor %}
    select
        cast(null as varchar) as record_id,
        cast(null as varchar) as column_name,
        cast(null as varchar) as issue,
        cast(null as varchar) as code_value,
        cast(null as varchar) as problem
    where false
),

final as (
    select * from problems
    where problem is not null
)

select * from final
{% endtest %}
