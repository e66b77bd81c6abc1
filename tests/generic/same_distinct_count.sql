{% test same_distinct_count(model, column_name, other_column) %}
{#-
    Fails, with one row holding both counts, when `column_name` and
    `other_column` take different numbers of distinct values. Where
    `column_name` is computed from `other_column` (a surrogate key of a
    natural key), equal counts mean no two values share one surrogate.
-#}
with

counted as (
    select
        count(distinct {{ column_name }}) as distinct_values,
        count(distinct {{ other_column }}) as distinct_other_values
    from {{ model }}
),

final as (
    select *
    from counted
    where distinct_values <> distinct_other_values
)

select * from final
{% endtest %}
