{#-
    CP-IS by year ending 31 March and responsible Trust (plus an all-Trusts
    row per year): alerts, children alerted, cross-border alerts, repeat
    attenders, and the children on the register or looked after at 31 March
    of whom those without a valid HCN could carry no flag.
-#}
with

alerts as (

    select * from {{ ref('cpis_alerts') }}

),

attendances as (

    select * from {{ ref('int_cpis_attendances_linked') }}

),

periods as (

    select * from {{ ref('int_cpis_protection_periods_listed') }}

),

hcns as (

    select * from {{ ref('int_cpis_child_hcns_listed') }}

),

coverage as (

    select * from {{ ref('int_trust_coverage_by_year') }}

),

year_range as (

    select
        min({{ financial_year_ending('arrival_date') }}) as first_year_ending,
        {{ financial_year_ending(reference_date_literal()) }} as last_year_ending
    from attendances

),

series as (

    select 1899 + generated_number as year_ending
    from ({{ dbt.generate_series(200) }}) as numbers

),

year_endings as (

    select
        series.year_ending,
        {{ march_31('series.year_ending') }} <= {{ reference_date_literal() }} as has_census_day
    from series
    inner join year_range
        on series.year_ending between year_range.first_year_ending and year_range.last_year_ending

),

trust_groups as (

    select distinct
        trust as responsible_trust,
        false as is_all_trusts
    from coverage
    union all
    select
        'UNKNOWN' as responsible_trust,
        false as is_all_trusts
    union all
    select
        'ALL' as responsible_trust,
        true as is_all_trusts

),

spine as (

    select
        year_endings.year_ending,
        year_endings.has_census_day,
        trust_groups.responsible_trust,
        trust_groups.is_all_trusts
    from year_endings
    cross join trust_groups

),

alerts_grouped as (

    select
        year_ending,
        coalesce(responsible_trust, 'UNKNOWN') as responsible_trust,
        child_key,
        attendance_id,
        is_cross_border
    from alerts
    union all
    select
        year_ending,
        'ALL' as responsible_trust,
        child_key,
        attendance_id,
        is_cross_border
    from alerts

),

alert_counts as (

    select
        year_ending,
        responsible_trust,
        count(*) as alerts,
        count(distinct child_key) as children_alerted,
        sum(case when is_cross_border then 1 else 0 end) as cross_border_alerts
    from alerts_grouped
    group by year_ending, responsible_trust

),

child_alerts as (

    select
        year_ending,
        responsible_trust,
        child_key,
        count(*) as n_alerts
    from alerts_grouped
    group by year_ending, responsible_trust, child_key

),

repeat_counts as (

    select
        year_ending,
        responsible_trust,
        count(*) as repeat_attenders
    from child_alerts
    where n_alerts >= 2
    group by year_ending, responsible_trust

),

census_days as (

    select distinct
        periods.child_key,
        {{ march_31('year_endings.year_ending') }} as status_date
    from periods
    inner join year_endings
        on
            year_endings.has_census_day
            and periods.start_date <= {{ march_31('year_endings.year_ending') }}
            and (periods.end_date is null or periods.end_date > {{ march_31('year_endings.year_ending') }})

),

census_statuses as (

    {{ cpis_status_on_days('periods', 'census_days') }}

),

children_with_hcn as (

    select distinct child_key
    from hcns

),

census_placed as (

    select
        census_statuses.child_key,
        {{ financial_year_ending('census_statuses.status_date') }} as year_ending,
        coalesce(census_statuses.responsible_trust, 'UNKNOWN') as responsible_trust,
        children_with_hcn.child_key is null as is_without_valid_hcn
    from census_statuses
    left join children_with_hcn
        on census_statuses.child_key = children_with_hcn.child_key

),

census_grouped as (

    select
        year_ending,
        responsible_trust,
        child_key,
        is_without_valid_hcn
    from census_placed
    union all
    select
        year_ending,
        'ALL' as responsible_trust,
        child_key,
        is_without_valid_hcn
    from census_placed

),

census_counts as (

    select
        year_ending,
        responsible_trust,
        count(*) as children_protected,
        sum(case when is_without_valid_hcn then 1 else 0 end) as children_without_valid_hcn
    from census_grouped
    group by year_ending, responsible_trust

),

joined as (

    select
        spine.year_ending,
        spine.responsible_trust,
        spine.is_all_trusts,
        coalesce(alert_counts.alerts, 0) as alerts,
        coalesce(alert_counts.children_alerted, 0) as children_alerted,
        coalesce(alert_counts.cross_border_alerts, 0) as cross_border_alerts,
        coalesce(repeat_counts.repeat_attenders, 0) as repeat_attenders,
        case when spine.has_census_day then coalesce(census_counts.children_protected, 0) end as children_protected,
        case
            when spine.has_census_day then coalesce(census_counts.children_without_valid_hcn, 0)
        end as children_without_valid_hcn
    from spine
    left join alert_counts
        on
            spine.year_ending = alert_counts.year_ending
            and spine.responsible_trust = alert_counts.responsible_trust
    left join repeat_counts
        on
            spine.year_ending = repeat_counts.year_ending
            and spine.responsible_trust = repeat_counts.responsible_trust
    left join census_counts
        on
            spine.year_ending = census_counts.year_ending
            and spine.responsible_trust = census_counts.responsible_trust

),

final as (

    select
        year_ending,
        responsible_trust,
        is_all_trusts,
        alerts,
        children_alerted,
        cast(cross_border_alerts as bigint) as cross_border_alerts,
        repeat_attenders,
        children_protected,
        cast(children_without_valid_hcn as bigint) as children_without_valid_hcn,
        case when alerts > 0 then 100.0 * cross_border_alerts / alerts end as pct_cross_border,
        case
            when children_protected > 0 then 100.0 * children_without_valid_hcn / children_protected
        end as pct_without_valid_hcn
    from joined

)

select * from final
