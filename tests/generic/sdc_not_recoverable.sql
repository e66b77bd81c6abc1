{% test sdc_not_recoverable(model, count_columns, group_columns, is_total) %}
{#-
    A model-level test that tries to work each suppressed count of
    `count_columns` back from the total published in the same table: in a
    margin group whose total is shown, if exactly one cell is hidden (null), it
    equals the total minus the shown cells. One attack per column, unioned
    (every column has the same margin groups). Fails on every column x group
    where the attack succeeds, returning the column and the recovered value.
-#}
{%- if not count_columns -%}
    {{ exceptions.raise_compiler_error("sdc_not_recoverable: give the published count columns in count_columns.") }}
{%- endif -%}
{%- set group_list = group_columns | join(', ') %}

with

cells as (
    select
        {{ group_list }},
        coalesce({{ is_total }}, false) as is_total_row,
        {{ count_columns | join(', ') }}
    from {{ model }}
),

groups as (
    {%- for count_column in count_columns %}
    select
        '{{ count_column }}' as column_name,
        {{ group_list }},
        max({{ count_column }}) filter (where is_total_row) as published_total,
        count(*) filter (where is_total_row and {{ count_column }} is not null) as shown_totals,
        count(*) filter (where not is_total_row and {{ count_column }} is null) as hidden_cells,
        sum({{ count_column }}) filter (where not is_total_row) as shown_cells_sum
    from cells
    group by {{ group_list }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

final as (
    select
        *,
        published_total - coalesce(shown_cells_sum, 0) as recovered_count
    from groups
    where shown_totals = 1 and hidden_cells = 1
)

select * from final
{% endtest %}
