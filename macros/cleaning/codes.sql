{% macro join_code_list(column, code_list, name=none, from_relation='deduplicated') -%}
    {#-
        Joins the code-list row of a recorded code, as `<name>_lookup`: the
        value trimmed and upper-cased matched to the list's `code` (unique).
        `code_list` is a relation or CTE with columns code and canonical_code,
        normally the code-list seed imported under its own name; `column` is a
        column of `from_relation`, the relation the surrounding select reads.
    -#}
    {%- set name = name or column -%}
    left join {{ code_list }} as {{ name }}_lookup
        on {{ soscare.clean_upper(from_relation ~ '.' ~ column) }} = {{ name }}_lookup.code
{%- endmacro %}


{% macro map_code(expr, name=none, from_relation='deduplicated') -%}
    {#-
        The canonical code for a recorded code, from the code-list row joined by
        `join_code_list` (as `<name>_lookup`); `UNKNOWN` when present but not
        listed; null when blank.
    -#}
    {%- set name = name or expr -%}
    case
        when {{ soscare.clean_upper(from_relation ~ '.' ~ expr) }} is not null
            then coalesce({{ name }}_lookup.canonical_code, 'UNKNOWN')
    end
{%- endmacro %}


{% macro code_columns(column, name=none, from_relation='deduplicated') -%}
    {#- The pair `<name>` (canonical code, `UNKNOWN` or null) and `<name>_raw` (trimmed, upper case) for a coded column. -#}
    {%- set name = name or column -%}
    {{ soscare.map_code(column, name, from_relation) }} as {{ name }},
    {{ soscare.clean_upper(from_relation ~ '.' ~ column) }} as {{ name }}_raw
{%- endmacro %}
