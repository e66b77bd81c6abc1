{% macro clean_text(expr) -%}
    {#- Trimmed text, null when blank. -#}
    nullif(trim({{ expr }}), '')
{%- endmacro %}


{% macro clean_upper(expr) -%}
    {#- Trimmed, upper-cased text, null when blank (codes, team codes). -#}
    upper({{ soscare.clean_text(expr) }})
{%- endmacro %}


{% macro normalise_postcode(expr) -%}
    {#- Postcode upper-cased with every space removed, null when blank. -#}
    nullif(upper({{ dbt.replace(expr, "' '", "''") }}), '')
{%- endmacro %}
