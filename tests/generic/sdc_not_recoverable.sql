{% test sdc_not_recoverable(model, column_name, group_columns, is_total) %}
{#-
    Tries to work a suppressed count back from the total published in the same
    table: in a margin group whose total is shown, if exactly one cell is hidden
    (null), it equals the total minus the shown cells. Fails on every group where
    that attack succeeds, returning the recovered value.
-#}
with cells as (
    select
        {{ group_columns | join(', ') }},
        coalesce({{ is_total }}, false) as is_total_row,
        {{ column_name }} as shown_count
    from {{ model }}
),

groups as (
    select
        {{ group_columns | join(', ') }},
        max(shown_count) filter (where is_total_row) as published_total,
        count(*) filter (where is_total_row and shown_count is not null) as shown_totals,
        count(*) filter (where not is_total_row and shown_count is null) as hidden_cells,
        sum(shown_count) filter (where not is_total_row) as shown_cells_sum
    from cells
    group by {{ group_columns | join(', ') }}
)

select
    *,
    published_total - coalesce(shown_cells_sum, 0) as recovered_count
from groups
where shown_totals = 1 and hidden_cells = 1
{% endtest %}
