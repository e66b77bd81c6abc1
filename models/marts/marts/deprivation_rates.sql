{#-
    One row per year_ending x measure x deprivation decile (null = unknown
    area): children referred in the year to 31 March, on the CP register at
    31 March, and looked after at 31 March, by the deprivation decile of the
    child's area, with the child population of the decile's SOAs and the rate
    per 10,000; the same restricted to Trusts fully covered by SOSCARE in the
    year in the *_covered_trusts columns.
-#}
with

children as (

    select * from {{ ref('int_children_identified') }}

),

events as (

    select * from {{ ref('int_stage_events_unioned') }}

),

cp_periods as (

    select * from {{ ref('int_cp_periods_listed') }}

),

lac_spells as (

    select * from {{ ref('int_lac_spells_stitched') }}

),

population as (

    select * from {{ ref('int_population_summarised') }}

),

coverage as (

    select * from {{ ref('int_trust_coverage_by_year') }}

),

population_years as (

    select distinct year + 1 as year_ending
    from population

),

series as (

    select 1899 + generated_number as year_ending
    from ({{ dbt.generate_series(200) }}) as numbers

),

year_endings as (

    select series.year_ending
    from series
    left join population_years
        on series.year_ending = population_years.year_ending
    where
        {{ march_31('series.year_ending') }} <= {{ reference_date_literal() }}
        and (series.year_ending >= 1986 or population_years.year_ending is not null)

),

measure_list as (

    select
        'referred' as measure,
        1 as measure_order
    union all
    select
        'cp_registered' as measure,
        2 as measure_order
    union all
    select
        'looked_after' as measure,
        3 as measure_order

),

deciles as (

    select cast(generated_number as integer) as deprivation_decile
    from ({{ dbt.generate_series(10) }}) as numbers
    union all
    select cast(null as integer) as deprivation_decile

),

spine as (

    select
        year_endings.year_ending,
        measure_list.measure,
        measure_list.measure_order,
        deciles.deprivation_decile
    from year_endings
    cross join measure_list
    cross join deciles

),

referred as (

    select distinct
        child_id,
        {{ financial_year_ending('event_date') }} as year_ending,
        'referred' as measure
    from events
    where
        stage = 'referral'
        and event_date is not null

),

cp_registered as (

    select distinct
        cp_periods.child_id,
        year_endings.year_ending,
        'cp_registered' as measure
    from cp_periods
    inner join year_endings
        on {{ is_open_on(
            'cp_periods.registration_date',
            'cp_periods.deregistration_date',
            march_31('year_endings.year_ending'),
        ) }}

),

looked_after as (

    select distinct
        lac_spells.child_id,
        year_endings.year_ending,
        'looked_after' as measure
    from lac_spells
    inner join year_endings
        on {{ is_open_on(
            'lac_spells.spell_start_date',
            'lac_spells.spell_end_date',
            march_31('year_endings.year_ending'),
        ) }}

),

child_measures as (

    select * from referred
    union all
    select * from cp_registered
    union all
    select * from looked_after

),

child_measures_placed as (

    select
        child_measures.year_ending,
        child_measures.measure,
        child_measures.child_id,
        children.deprivation_decile,
        coalesce(coverage.is_covered, false) as is_area_trust_covered
    from child_measures
    inner join children
        on child_measures.child_id = children.child_id
    left join coverage
        on
            children.area_trust = coverage.trust
            and child_measures.year_ending = coverage.year_ending
    where
        -- "at 31 March" measures count children: not those aged 18 or over that day
        child_measures.measure = 'referred'
        or coalesce(
            {{ age_on('children.birth_year', 'children.birth_month', march_31('child_measures.year_ending')) }} < 18,
            true
        )

),

child_counts as (

    select
        year_ending,
        measure,
        deprivation_decile,
        count(*) as children,
        sum(case when is_area_trust_covered then 1 else 0 end) as children_covered_trusts
    from child_measures_placed
    group by year_ending, measure, deprivation_decile

),

population_placed as (

    select
        population.deprivation_decile,
        population.population,
        population.year + 1 as year_ending,
        coalesce(coverage.is_covered, false) as is_trust_covered
    from population
    left join coverage
        on
            population.trust = coverage.trust
            and population.year + 1 = coverage.year_ending
    where
        population.age between 0 and 17
        and population.deprivation_decile is not null

),

decile_populations as (

    select
        year_ending,
        deprivation_decile,
        sum(population) as population,
        sum(case when is_trust_covered then population else 0 end) as population_covered_trusts
    from population_placed
    group by year_ending, deprivation_decile

),

trust_coverage_counts as (

    select
        year_ending,
        sum(case when is_covered then 1 else 0 end) as n_trusts_covered,
        sum(case when not is_covered then 1 else 0 end) as n_trusts_not_covered
    from coverage
    group by year_ending

),

joined as (

    select
        spine.year_ending,
        spine.measure,
        spine.measure_order,
        spine.deprivation_decile,
        decile_populations.population,
        decile_populations.population_covered_trusts,
        coalesce(child_counts.children, 0) as children,
        case
            when spine.deprivation_decile is not null
                then coalesce(child_counts.children_covered_trusts, 0)
        end as children_covered_trusts,
        coalesce(trust_coverage_counts.n_trusts_covered, 0) as n_trusts_covered,
        coalesce(trust_coverage_counts.n_trusts_not_covered, 0) as n_trusts_not_covered
    from spine
    left join child_counts
        on
            spine.year_ending = child_counts.year_ending
            and spine.measure = child_counts.measure
            and spine.deprivation_decile is not distinct from child_counts.deprivation_decile
    left join decile_populations
        on
            spine.year_ending = decile_populations.year_ending
            and spine.deprivation_decile = decile_populations.deprivation_decile
    left join trust_coverage_counts
        on spine.year_ending = trust_coverage_counts.year_ending

),

rated as (

    select
        *,
        case
            when population > 0 then 10000.0 * children / population
        end as rate_per_10000,
        case
            when population_covered_trusts > 0
                then 10000.0 * children_covered_trusts / population_covered_trusts
        end as rate_per_10000_covered_trusts,
        n_trusts_not_covered > 0 as is_affected_by_trust_absence,
        year_ending < 1986 as is_before_records
    from joined

),

final as (

    select
        year_ending,
        measure,
        deprivation_decile,
        children,
        cast(population as bigint) as population,
        rate_per_10000,
        cast(children_covered_trusts as bigint) as children_covered_trusts,
        cast(population_covered_trusts as bigint) as population_covered_trusts,
        rate_per_10000_covered_trusts,
        cast(n_trusts_covered as bigint) as n_trusts_covered,
        cast(n_trusts_not_covered as bigint) as n_trusts_not_covered,
        is_affected_by_trust_absence,
        is_before_records,
        measure_order
    from rated

)

select * from final
