{% test unique_combination(model, columns) %}
{#- Fails on each combination of `columns` held by more than one row (nulls count as equal). -#}
select
    {%- for column in columns %}
    {{ column }},
    {%- endfor %}
    count(*) as n_rows
from {{ model }}
group by
    {%- for column in columns %}
    {{ column }}{{ ',' if not loop.last }}
    {%- endfor %}
having count(*) > 1
{% endtest %}
