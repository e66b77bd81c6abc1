{% test sdc_no_small_counts(model, count_columns) %}
{#-
    A model-level test: fails on every row that shows a count from 1 to
    sdc_threshold - 1 in any of `count_columns` (primary suppression missed),
    one check per column, unioned. Returns the column and the count shown.
-#}
{%- if not count_columns -%}
    {{ exceptions.raise_compiler_error("sdc_no_small_counts: give the published count columns in count_columns.") }}
{%- endif %}

with

published as (
    select * from {{ model }}
),

small_counts as (
    {%- for count_column in count_columns %}
    select
        '{{ count_column }}' as column_name,
        {{ count_column }} as shown_count
    from published
    where {{ sdc_is_primary(count_column) }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
)

select * from small_counts
{% endtest %}
