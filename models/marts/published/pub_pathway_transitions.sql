{#-
    Published pathway transitions (relation published.pathway_transitions):
    marts.pathway_transitions with disclosure control. No totals are
    published beside the cells, so only primary suppression applies; the
    percentage is suppressed with either of its counts, and the day quartiles
    (which describe the children who moved) with children_moved.
-#}
{%- set count_columns = ['children_reached_from_stage', 'children_moved', 'children_moved_same_day'] -%}
{%- set flags = sdc_suppression_flags(count_columns) -%}
with

transitions as (

    select * from {{ ref('pathway_transitions') }}

),

{{ sdc_suppress_all_counts('transitions', count_columns, key_columns=['from_stage', 'to_stage']) }},

final as (

    select
        from_stage,
        to_stage,
        {% for count_column in count_columns -%}
            {{ sdc_mask(count_column, [count_column ~ '_suppression']) }} as {{ count_column }},
        {% endfor -%}
        {{ sdc_mask('pct_moved', ['children_reached_from_stage_suppression', 'children_moved_suppression']) }}
            as pct_moved,
        {{ sdc_mask('median_days', ['children_moved_suppression']) }} as median_days,
        {{ sdc_mask('p25_days', ['children_moved_suppression']) }} as p25_days,
        {{ sdc_mask('p75_days', ['children_moved_suppression']) }} as p75_days,
        from_stage_order,
        to_stage_order,
        {{ sdc_row_status(flags) }}
    from protected

)

select * from final
