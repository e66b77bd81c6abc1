{% test value_between(model, column_name, min_value=none, max_value=none) %}
{#- Fails on each non-null value below min_value or above max_value (either bound optional). -#}
select {{ column_name }}
from {{ model }}
where false
    {%- if min_value is not none %}
    or {{ column_name }} < {{ min_value }}
    {%- endif %}
    {%- if max_value is not none %}
    or {{ column_name }} > {{ max_value }}
    {%- endif %}
{% endtest %}
