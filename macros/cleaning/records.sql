{% macro fold_duplicate_lines(relation, columns) -%}
    {#-
        One row per distinct combination of the contract `columns` of a raw
        relation (nulls equal): the columns, `line_no` (the first physical line)
        and `duplicate_lines` (how many further identical lines were folded in).
    -#}
    select
        {%- for column in columns %}
        {{ column }},
        {%- endfor %}
        min(_line_no) as line_no,
        {{ dbt.cast('count(*) - 1', api.Column.translate_type('integer')) }} as duplicate_lines
    from {{ relation }}
    group by
        {%- for column in columns %}
        {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
{%- endmacro %}


{% macro record_columns(module) -%}
    {#- The record key columns of a staged row: record_id (`<module>:<line_no>`), module, line_no, duplicate_lines. -#}
    {{ dbt.concat(["'" ~ module ~ ":'", dbt.cast('line_no', api.Column.translate_type('string'))]) }} as record_id,
    '{{ module }}' as module,
    line_no,
    duplicate_lines
{%- endmacro %}
