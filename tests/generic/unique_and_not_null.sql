{% test unique_and_not_null(model, column_name) %}
{#-
    A key column: dbt's `unique` and `not_null` in one pass (one group by, one
    test node instead of two). Fails on each value that is null or held by more
    than one row, returning the value, its row count and the problem.
-#}
with

counted as (
    select
        {{ column_name }} as key_value,
        count(*) as n_rows
    from {{ model }}
    group by {{ column_name }}
),

final as (
    select
        key_value,
        n_rows,
        case
            when key_value is null then 'null'
            else 'held by ' || cast(n_rows as varchar) || ' rows'
        end as problem
    from counted
    where key_value is null or n_rows > 1
)

select * from final
{% endtest %}
