{#-
    One row per year_ending x measure x coverage_scope: the ratio of the rate
    in the most deprived decile to the least deprived, and the slope index of
    inequality (SII, weighted least squares of the decile rates on the ridit
    of deprivation) with the relative index (RII). See doc block `sii_method`.
-#}
with

rates as (

    select * from {{ ref('deprivation_rates') }}

),

scoped as (

    select
        year_ending,
        measure,
        'all_trusts' as coverage_scope,
        deprivation_decile,
        children,
        population
    from rates
    where deprivation_decile is not null
    union all
    select
        year_ending,
        measure,
        'covered_trusts' as coverage_scope,
        deprivation_decile,
        children_covered_trusts as children,
        population_covered_trusts as population
    from rates
    where deprivation_decile is not null

),

with_population as (

    select
        year_ending,
        measure,
        coverage_scope,
        deprivation_decile,
        children,
        population,
        10000.0 * children / population as rate_per_10000
    from scoped
    where population > 0

),

ridits as (

    select
        *,
        sum(population) over (partition by year_ending, measure, coverage_scope) as total_population,
        coalesce(
            sum(population) over (
                partition by year_ending, measure, coverage_scope
                order by deprivation_decile desc
                rows between unbounded preceding and 1 preceding
            ),
            0
        ) as population_less_deprived
    from with_population

),

weighted as (

    select
        *,
        1.0 * population / total_population as weight,
        (population_less_deprived + 0.5 * population) / total_population as ridit
    from ridits

),

means as (

    select
        *,
        sum(weight * ridit) over (partition by year_ending, measure, coverage_scope) as mean_ridit,
        sum(weight * rate_per_10000) over (partition by year_ending, measure, coverage_scope) as mean_rate
    from weighted

),

regressed as (

    select
        year_ending,
        measure,
        coverage_scope,
        count(*) as n_deciles,
        sum(children) as children,
        sum(population) as population,
        max(mean_rate) as mean_rate_per_10000,
        max(case when deprivation_decile = 1 then rate_per_10000 end) as rate_most_deprived,
        max(case when deprivation_decile = 10 then rate_per_10000 end) as rate_least_deprived,
        sum(weight * (ridit - mean_ridit) * (rate_per_10000 - mean_rate)) as weighted_covariance,
        sum(weight * (ridit - mean_ridit) * (ridit - mean_ridit)) as weighted_variance
    from means
    group by year_ending, measure, coverage_scope

),

final as (

    select
        year_ending,
        measure,
        coverage_scope,
        n_deciles,
        cast(children as bigint) as children,
        cast(population as bigint) as population,
        mean_rate_per_10000,
        rate_most_deprived,
        rate_least_deprived,
        case
            when rate_least_deprived > 0 then rate_most_deprived / rate_least_deprived
        end as ratio_most_to_least_deprived,
        case
            when weighted_variance > 0 then weighted_covariance / weighted_variance
        end as sii_per_10000,
        case
            when weighted_variance > 0 and mean_rate_per_10000 > 0
                then weighted_covariance / weighted_variance / mean_rate_per_10000
        end as rii
    from regressed

)

select * from final
