{% test valid_hcn(model, column_name) %}
{#- Fails on each non-null value that is not a normalised, valid Health and Care Number. -#}
select {{ column_name }}
from {{ model }}
where {{ column_name }} is not null
    and (
        {{ soscare.hcn_issue(column_name) }} is not null
        or {{ column_name }} <> {{ soscare.normalise_hcn(column_name) }}
    )
{% endtest %}
