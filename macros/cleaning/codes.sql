{% macro join_code_list(column, code_list, name=none, from_relation='deduplicated') -%}
    {#-
        Joins the code dictionary of a recorded code column, as `<name>_lookup`:
        one row per distinct recorded text of the column (null included) with
        `code_text` (as recorded), `code_raw` (trimmed, upper-cased) and the
        list's `canonical_code` for it (null when not listed). Each distinct
        text is cleaned and looked up once; the rows join back on the recorded
        text. `code_list` is a relation or CTE with columns code (unique) and
        canonical_code, normally the code-list seed imported under its own
        name; `column` is a column of `from_relation`, the relation the
        surrounding select reads.
    -#}
    {%- set name = name or column -%}
    left join (
        select
            code_texts.code_text,
            {{ soscare.clean_upper('code_texts.code_text') }} as code_raw,
            listed.canonical_code
        from (select distinct {{ column }} as code_text from {{ from_relation }}) as code_texts
        left join {{ code_list }} as listed
            on {{ soscare.clean_upper('code_texts.code_text') }} = listed.code
    ) as {{ name }}_lookup
        on {{ from_relation }}.{{ column }} is not distinct from {{ name }}_lookup.code_text
{%- endmacro %}


{% macro map_code(name) -%}
    {#-
        The canonical code for a recorded code, from the code dictionary row
        joined by `join_code_list` (as `<name>_lookup`); `UNKNOWN` when present
        but not listed; null when blank.
    -#}
    case
        when {{ name }}_lookup.code_raw is not null
            then coalesce({{ name }}_lookup.canonical_code, 'UNKNOWN')
    end
{%- endmacro %}


{% macro code_columns(column, name=none) -%}
    {#- The pair `<name>` (canonical code, `UNKNOWN` or null) and `<name>_raw` (trimmed, upper case) for a coded column. -#}
    {%- set name = name or column -%}
    {{ soscare.map_code(name) }} as {{ name }},
    {{ name }}_lookup.code_raw as {{ name }}_raw
{%- endmacro %}
