{#-
    One row per birth_year x stage x age (0..17) for the ages the whole birth
    cohort has completed by the reference date: how many children of the
    cohort reached the stage (nested first-stage dates) before their
    (age+1)th birthday, over the cohort's population at age 0.
-#}
with

stage_list as (

    select * from {{ ref('pathway_stages') }}

),

children as (

    select * from {{ ref('int_children_identified') }}

),

stages as (

    select * from {{ ref('int_child_stages_summarised') }}

),

population as (

    select * from {{ ref('int_population_summarised') }}

),

coverage as (

    select * from {{ ref('int_trust_coverage_by_year') }}

),

cohorts as (

    select
        year as birth_year,
        sum(population) as cohort_population
    from population
    where age = 0
    group by year

),

ages as (

    select generated_number - 1 as age
    from ({{ dbt.generate_series(18) }}) as series

),

spine as (

    select
        cohorts.birth_year,
        stage_list.stage,
        stage_list.stage_order,
        ages.age,
        cohorts.cohort_population
    from cohorts
    cross join stage_list
    cross join ages
    -- the youngest of the cohort (born in December) has had the (age+1)th birthday
    where {{ birthday('cohorts.birth_year', '12', 'ages.age + 1') }} <= {{ reference_date_literal() }}

),

child_first_dates as (

    select
        children.child_key,
        children.birth_year,
        children.birth_month,
        stages.first_referral_date,
        stages.first_cin_date,
        stages.first_cp_registration_date,
        stages.first_lac_date
    from children
    inner join stages
        on children.child_key = stages.child_key
    where children.birth_year is not null

),

child_stage_dates as (

    select
        child_key,
        birth_year,
        birth_month,
        'referral' as stage,  -- noqa: RF04
        first_referral_date as first_date
    from child_first_dates
    union all
    select
        child_key,
        birth_year,
        birth_month,
        'cin' as stage,  -- noqa: RF04
        first_cin_date as first_date
    from child_first_dates
    union all
    select
        child_key,
        birth_year,
        birth_month,
        'cp' as stage,  -- noqa: RF04
        first_cp_registration_date as first_date
    from child_first_dates
    union all
    select
        child_key,
        birth_year,
        birth_month,
        'lac' as stage,  -- noqa: RF04
        first_lac_date as first_date
    from child_first_dates

),

ages_reached as (

    select
        birth_year,
        stage,
        -- reached before birth (e.g. an unborn child's referral) counts at age 0
        greatest({{ age_on('birth_year', 'birth_month', 'first_date') }}, 0) as age_reached
    from child_stage_dates
    where first_date is not null

),

reached_counts as (

    select
        birth_year,
        stage,
        age_reached,
        count(*) as children_reaching
    from ages_reached
    group by birth_year, stage, age_reached

),

cumulated as (

    select
        spine.birth_year,
        spine.stage,
        spine.stage_order,
        spine.age,
        spine.cohort_population,
        coalesce(sum(reached_counts.children_reaching), 0) as children
    from spine
    left join reached_counts
        on
            spine.birth_year = reached_counts.birth_year
            and spine.stage = reached_counts.stage
            and spine.age >= reached_counts.age_reached
    group by
        spine.birth_year,
        spine.stage,
        spine.stage_order,
        spine.age,
        spine.cohort_population

),

uncovered_windows as (

    select
        spine.birth_year,
        spine.stage,
        spine.age,
        count(coverage.trust) as n_uncovered_trust_years
    from spine
    inner join coverage
        on coverage.year_ending between spine.birth_year and spine.birth_year + spine.age + 2
    where not coverage.is_covered
    group by spine.birth_year, spine.stage, spine.age

),

final as (

    select
        cumulated.birth_year,
        cumulated.stage,
        cumulated.age,
        cast(cumulated.children as bigint) as children,
        cast(cumulated.cohort_population as bigint) as cohort_population,
        cumulated.stage_order,
        case
            when cumulated.cohort_population > 0
                then 100.0 * cumulated.children / cumulated.cohort_population
        end as cumulative_pct,
        cumulated.birth_year < 1985 as is_left_truncated,
        coalesce(uncovered_windows.n_uncovered_trust_years, 0) > 0 as is_affected_by_trust_absence
    from cumulated
    left join uncovered_windows
        on
            cumulated.birth_year = uncovered_windows.birth_year
            and cumulated.stage = uncovered_windows.stage
            and cumulated.age = uncovered_windows.age

)

select * from final
