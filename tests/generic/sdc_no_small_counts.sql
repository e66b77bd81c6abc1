{% test sdc_no_small_counts(model, column_name) %}
{#- Fails on every row that shows a count from 1 to sdc_threshold - 1. -#}
select
    {{ column_name }} as shown_count
from {{ model }}
where {{ sdc_is_primary(column_name) }}
{% endtest %}
