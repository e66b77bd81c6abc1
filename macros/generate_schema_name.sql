{% macro generate_schema_name(custom_schema_name, node) -%}
    {#-
        Schemas are named exactly as configured (`staging`, `intermediate`,
        `restricted`, `marts`, `published`, ...), with no target prefix, so the
        access tiers have the names analysts and access rules expect.
    -#}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
