{% macro star_except(columns) -%}
    {#- Every column of the relation in scope except `columns`. -#}
    {{ return(adapter.dispatch('star_except', 'soscare')(columns)) }}
{%- endmacro %}

{% macro duckdb__star_except(columns) -%}
    * exclude ({{ columns | join(', ') }})
{%- endmacro %}

{% macro default__star_except(columns) -%}
    {#- BigQuery, Databricks and Spark spell it `except`; Snowflake uses `exclude` like DuckDB. -#}
    * except ({{ columns | join(', ') }})
{%- endmacro %}
