{#-
    Published cumulative exposure (relation published.cumulative_exposure):
    marts.cumulative_exposure with disclosure control. The table publishes no
    totals, so only primary suppression applies: children from 1 to
    threshold - 1 suppressed, and the percentage with them.
-#}
with

exposure as (

    select * from {{ ref('cumulative_exposure') }}

),

children_protected as (

    {{ sdc_suppress_counts('exposure', 'children', key_columns=['birth_year', 'stage', 'age']) }}

),

final as (

    select
        birth_year,
        stage,
        age,
        {{ sdc_mask('children', ['children_suppression']) }} as children,
        cohort_population,
        {{ sdc_mask('cumulative_pct', ['children_suppression']) }} as cumulative_pct,
        is_left_truncated,
        is_affected_by_trust_absence,
        stage_order,
        {{ sdc_row_status(['children_suppression']) }}
    from children_protected

)

select * from final
