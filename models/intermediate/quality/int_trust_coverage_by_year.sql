{#-
    How completely each Trust's activity is recorded in SOSCARE, per financial
    year. Three Trusts moved to another system (Paris) from 2015; after a Trust
    left, its SOSCARE records collapse. A year is covered when the Trust's dated
    records reach `coverage_threshold` of its baseline: the median of its own
    yearly records over all its previous years (a short window would absorb the
    collapse after a few years).
-#}
{%- set coverage_threshold = 0.5 -%}
{%- set day_after_extract = dbt.dateadd('day', 1, "cast('" ~ var('reference_date') ~ "' as date)") -%}
with

{{ soscare_staging_imports([
    'referrals',
    'children_in_need',
    'cp_investigations',
    'cp_conferences',
    'cp_registrations',
    'looked_after',
    'client41',
]) }}

code_trust as (
    select * from {{ ref('code_trust') }}
),

dated_records as (
    -- the modules with a Trust and a main event date
    select
        trust,
        record_date
    from referrals
    where record_date is not null
    union all
    select
        trust,
        record_date
    from children_in_need
    where record_date is not null
    union all
    select
        trust,
        record_date
    from cp_investigations
    where record_date is not null
    union all
    select
        trust,
        record_date
    from cp_conferences
    where record_date is not null
    union all
    select
        trust,
        record_date
    from cp_registrations
    where record_date is not null
    union all
    select
        trust,
        record_date
    from looked_after
    where record_date is not null
    union all
    select
        trust,
        record_date
    from client41
    where record_date is not null
),

trusts as (
    select code as trust
    from code_trust
    where not is_legacy
),

yearly as (
    select
        dated_records.trust,
        {{ financial_year_ending('dated_records.record_date') }} as year_ending,
        count(*) as records
    from dated_records
    inner join trusts
        on dated_records.trust = trusts.trust
    group by
        dated_records.trust,
        {{ financial_year_ending('dated_records.record_date') }}
),

last_complete_year as (
    -- the financial year holding the day after the extract date, less one:
    -- a part year at the end would look like a collapse
    select
        {{ financial_year_ending(day_after_extract) }} - 1 as year_ending
),

years as (
    select distinct yearly.year_ending
    from yearly
    inner join last_complete_year
        on yearly.year_ending <= last_complete_year.year_ending
),

trust_years as (
    select
        trusts.trust,
        years.year_ending,
        coalesce(yearly.records, 0) as records
    from trusts
    cross join years
    left join yearly
        on
            trusts.trust = yearly.trust
            and years.year_ending = yearly.year_ending
),

baselines as (
    select
        this_year.trust,
        this_year.year_ending,
        percentile_cont(0.5) within group (order by previous_year.records) as baseline
    from trust_years as this_year
    inner join trust_years as previous_year
        on
            this_year.trust = previous_year.trust
            and this_year.year_ending > previous_year.year_ending
    group by
        this_year.trust,
        this_year.year_ending
),

coverage as (
    select
        trust_years.trust,
        trust_years.year_ending,
        trust_years.records,
        baselines.baseline,
        trust_years.records / nullif(baselines.baseline, 0) as coverage_ratio,
        coalesce(trust_years.records >= {{ coverage_threshold }} * baselines.baseline, true) as is_covered
    from trust_years
    left join baselines
        on
            trust_years.trust = baselines.trust
            and trust_years.year_ending = baselines.year_ending
),

last_covered as (
    select
        trust,
        max(year_ending) as year_ending
    from coverage
    where is_covered
    group by trust
),

departures as (
    -- the first year of the final run of uncovered years, when the last year is uncovered
    select
        coverage.trust,
        min(coverage.year_ending) as left_soscare_year_ending
    from coverage
    left join last_covered
        on coverage.trust = last_covered.trust
    where coverage.year_ending > coalesce(last_covered.year_ending, 0)
    group by coverage.trust
),

final as (
    select
        coverage.trust,
        coverage.year_ending,
        coverage.records,
        coverage.baseline,
        coverage.coverage_ratio,
        coverage.is_covered,
        departures.left_soscare_year_ending
    from coverage
    left join departures
        on coverage.trust = departures.trust
)

select * from final
