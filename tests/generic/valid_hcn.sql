{% test valid_hcn(model, column_name) %}
{#-
    Fails on each non-null value that is not a normalised, valid Health and
    Care Number. The check runs once per distinct value (many rows share an
    HCN); every row holding a failing value is returned.
-#}
with tested as (
    select {{ column_name }} as tested_value
    from {{ model }}
    where {{ column_name }} is not null
),

distinct_values as (
    select distinct tested_value
    from tested
),

failing_values as (
    select tested_value
    from distinct_values
    -- a value equal to its normalised form is checked as it stands
    where tested_value <> {{ soscare.normalise_hcn('tested_value') }}
        or {{ soscare.hcn_issue('tested_value') }} is not null
),

final as (
    select tested.tested_value as {{ column_name }}
    from tested
    inner join failing_values
        on tested.tested_value = failing_values.tested_value
)

select * from final
{% endtest %}
