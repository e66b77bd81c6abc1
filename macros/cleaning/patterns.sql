{#-
    Small dispatched tests of text shape. DuckDB uses regular expressions; the
    default implementations use SQL-standard SIMILAR TO.
-#}

{% macro is_digits(expr) -%}
    {#- True when the text is one or more ASCII digits and nothing else. -#}
    {{ return(adapter.dispatch('is_digits', 'soscare')(expr)) }}
{%- endmacro %}

{% macro duckdb__is_digits(expr) -%}
    regexp_full_match({{ expr }}, '[0-9]+')
{%- endmacro %}

{% macro default__is_digits(expr) -%}
    ({{ expr }} similar to '[0-9]+')
{%- endmacro %}


{% macro is_integer_text(expr) -%}
    {#- True when the text is an optionally signed whole number (no decimals, no spaces). -#}
    {{ return(adapter.dispatch('is_integer_text', 'soscare')(expr)) }}
{%- endmacro %}

{% macro duckdb__is_integer_text(expr) -%}
    regexp_full_match({{ expr }}, '[+-]?[0-9]+')
{%- endmacro %}

{% macro default__is_integer_text(expr) -%}
    ({{ expr }} similar to '(\+|-)?[0-9]+')
{%- endmacro %}


{% macro is_date_shaped(expr) -%}
    {#- True when the text looks like YYYY-MM-DD or DD/MM/YYYY (one- or two-digit day and month). -#}
    {{ return(adapter.dispatch('is_date_shaped', 'soscare')(expr)) }}
{%- endmacro %}

{% macro duckdb__is_date_shaped(expr) -%}
    regexp_full_match({{ expr }}, '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}')
{%- endmacro %}

{% macro default__is_date_shaped(expr) -%}
    ({{ expr }} similar to '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}')
{%- endmacro %}
