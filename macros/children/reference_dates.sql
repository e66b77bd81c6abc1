{% macro reference_date_literal() -%}
    {#- The extract date (dbt var `reference_date`) as a SQL date. -#}
    cast('{{ var("reference_date") }}' as date)
{%- endmacro %}


{% macro march_31(year) -%}
    {#- 31 March of `year` (an integer expression): the "at 31 March" census day of year_ending `year`. -#}
    {{ return(adapter.dispatch('march_31', 'soscare')(year)) }}
{%- endmacro %}

{% macro default__march_31(year) -%}
    cast(cast({{ year }} as {{ dbt.type_string() }}) || '-03-31' as date)
{%- endmacro %}

{% macro duckdb__march_31(year) -%}
    make_date(cast({{ year }} as integer), 3, 31)
{%- endmacro %}

{% macro is_open_on(start_date, end_date, day) -%}
    {#- The contract's "open on a day": from the start up to, not including, the end; no end = still open. -#}
    ({{ start_date }} <= {{ day }} and ({{ end_date }} is null or {{ end_date }} > {{ day }}))
{%- endmacro %}
