{% macro to_integer(expr) -%}
    {#- The text as an integer when it is a whole number (surrounding blanks ignored), else null. -#}
    {%- set text = soscare.clean_text(expr) -%}
    case
        when {{ soscare.is_integer_text(text) }}
            then {{ dbt.safe_cast(text, api.Column.translate_type('integer')) }}
    end
{%- endmacro %}


{% macro integer_issue(expr, min_value=none, max_value=none) -%}
    {#- Why a recorded integer is unusable, or null: missing, not_an_integer, out_of_range (outside min_value..max_value). -#}
    {%- set value = soscare.to_integer(expr) -%}
    case
        when {{ soscare.clean_text(expr) }} is null then 'missing'
        when {{ value }} is null then 'not_an_integer'
        {%- if min_value is not none %}
        when {{ value }} < {{ min_value }} then 'out_of_range'
        {%- endif %}
        {%- if max_value is not none %}
        when {{ value }} > {{ max_value }} then 'out_of_range'
        {%- endif %}
    end
{%- endmacro %}


{% macro integer_columns(column, min_value=none, max_value=none) -%}
    {#-
        The pair `<column>` (integer or null) and `<column>_issue` for a raw integer column.
        The integer is usable (integer_issue is null) exactly when it is not null and within the bounds,
        so the value is tested directly rather than through integer_issue.
    -#}
    {%- set value = soscare.to_integer(column) -%}
    {%- if min_value is none and max_value is none %}
    {{ value }} as {{ column }},
    {%- else %}
    case
        when {% if min_value is not none %}{{ value }} >= {{ min_value }}{% endif %}
            {%- if min_value is not none and max_value is not none %} and {% endif %}
            {%- if max_value is not none %}{{ value }} <= {{ max_value }}{% endif %}
            then {{ value }}
    end as {{ column }},
    {%- endif %}
    {{ soscare.integer_issue(column, min_value, max_value) }} as {{ column }}_issue
{%- endmacro %}
