{#-
    Published CP-IS summary (relation published.cpis_summary): marts.cpis_summary
    with disclosure control. Each count is suppressed from 1 to threshold - 1,
    and secondarily within each year, whose all-Trusts row is a total beside
    the Trust rows; percentages on a suppressed count are suppressed.
-#}
{%- set count_columns = [
    'alerts',
    'children_alerted',
    'cross_border_alerts',
    'repeat_attenders',
    'children_protected',
    'children_without_valid_hcn',
] -%}
{%- set flags = sdc_suppression_flags(count_columns) -%}
with

summary as (

    select * from {{ ref('cpis_summary') }}

),

{{ sdc_suppress_all_counts(
    'summary',
    count_columns,
    key_columns=['year_ending', 'responsible_trust'],
    group_columns=['year_ending'],
    is_total='is_all_trusts',
) }},

final as (

    select
        year_ending,
        responsible_trust,
        is_all_trusts,
        {% for count_column in count_columns -%}
            {{ sdc_mask(count_column, [count_column ~ '_suppression']) }} as {{ count_column }},
        {% endfor -%}
        {{ sdc_mask('pct_cross_border', ['alerts_suppression', 'cross_border_alerts_suppression']) }}
            as pct_cross_border,
        {{ sdc_mask(
            'pct_without_valid_hcn',
            ['children_protected_suppression', 'children_without_valid_hcn_suppression'],
        ) }} as pct_without_valid_hcn,
        {{ sdc_row_status(flags) }}
    from protected

)

select * from final
