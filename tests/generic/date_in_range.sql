{% test date_in_range(model, column_name, min_date='1985-01-01', max_date=none) %}
{#- Fails on each non-null date before min_date or after max_date (default var('reference_date')). -#}
{%- set max_date = max_date or var('reference_date') %}
select {{ column_name }}
from {{ model }}
where {{ column_name }} < cast('{{ min_date }}' as date)
    or {{ column_name }} > cast('{{ max_date }}' as date)
{% endtest %}
