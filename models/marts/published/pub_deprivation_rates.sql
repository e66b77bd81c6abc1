{#-
    Published deprivation rates (relation published.deprivation_rates):
    marts.deprivation_rates' contract columns, plus an all-deciles row per
    year_ending x measure (deprivation_decile_group 'all'), with disclosure
    control: children suppressed from 1 to threshold - 1, secondarily within
    each year_ending x measure (the 'all' row is the total of deciles 1-10 and
    the unknown area), and the rate suppressed with its count.
-#}
with

rates as (

    select * from {{ ref('deprivation_rates') }}

),

decile_rows as (

    select
        year_ending,
        measure,
        measure_order,
        deprivation_decile,
        coalesce(cast(deprivation_decile as varchar), 'unknown') as deprivation_decile_group,
        coalesce(deprivation_decile, 11) as decile_group_order,
        false as is_all_deciles,
        children,
        population,
        rate_per_10000,
        is_affected_by_trust_absence
    from rates

),

all_decile_rows as (

    select
        year_ending,
        measure,
        measure_order,
        cast(null as integer) as deprivation_decile,
        'all' as deprivation_decile_group,
        12 as decile_group_order,
        true as is_all_deciles,
        sum(children) as children,
        sum(population) as population,
        case
            when sum(population) > 0 then 10000.0 * sum(children) / sum(population)
        end as rate_per_10000,
        bool_or(is_affected_by_trust_absence) as is_affected_by_trust_absence
    from rates
    group by year_ending, measure, measure_order

),

unioned as (

    select * from decile_rows
    union all
    select * from all_decile_rows

),

children_protected as (

    {{ sdc_suppress_counts(
        'unioned',
        'children',
        key_columns=['year_ending', 'measure', 'decile_group_order'],
        group_columns=['year_ending', 'measure'],
        is_total='is_all_deciles',
    ) }}

),

final as (

    select
        year_ending,
        measure,
        deprivation_decile_group,
        deprivation_decile,
        is_all_deciles,
        cast({{ sdc_mask('children', ['children_suppression']) }} as bigint) as children,
        cast(population as bigint) as population,
        {{ sdc_mask('rate_per_10000', ['children_suppression']) }} as rate_per_10000,
        is_affected_by_trust_absence,
        measure_order,
        decile_group_order,
        {{ sdc_row_status(['children_suppression']) }}
    from children_protected

)

select * from final
