{% macro map_code(expr, code_list, from_relation='deduplicated') -%}
    {#-
        The canonical code for a recorded code: the value trimmed and
        upper-cased, looked up in `code_list` (a relation or CTE with columns
        code and canonical_code, normally the code-list seed imported under its
        own name); `UNKNOWN` when present but not listed; null when blank.
        `expr` is a column of `from_relation`, the relation the surrounding
        select reads.
    -#}
    {%- set value = soscare.clean_upper(from_relation ~ '.' ~ expr) -%}
    case
        when {{ value }} is not null
            then coalesce(
                (select code_list.canonical_code from {{ code_list }} as code_list where code_list.code = {{ value }}),
                'UNKNOWN'
            )
    end
{%- endmacro %}


{% macro code_columns(column, code_list, name=none, from_relation='deduplicated') -%}
    {#- The pair `<name>` (canonical code, `UNKNOWN` or null) and `<name>_raw` (trimmed, upper case) for a coded column. -#}
    {%- set name = name or column -%}
    {{ soscare.map_code(column, code_list, from_relation) }} as {{ name }},
    {{ soscare.clean_upper(from_relation ~ '.' ~ column) }} as {{ name }}_raw
{%- endmacro %}
