{#-
    CP-IS protection periods: one row per dated CP registration period or
    looked-after episode of a child with contact, with its start, end (not
    itself a protected day; null while open), Trust and team, and the child's
    birth month and year (for the under-18 rule).
-#}
with

cp_periods as (

    select * from {{ ref('int_cp_periods_listed') }}

),

events as (

    select * from {{ ref('int_stage_events_unioned') }}

),

children as (

    select * from {{ ref('int_children_identified') }}

),

registrations as (

    select
        record_id,
        child_id,
        'CP' as period_type,
        registration_date as start_date,
        deregistration_date as end_date,
        trust,
        team
    from cp_periods

),

episodes as (

    select
        record_id,
        child_id,
        'LAC' as period_type,
        event_date as start_date,
        -- a discharge before the start is taken as the start (as for spells)
        case
            when end_date < event_date then event_date
            else end_date
        end as end_date,
        trust,
        team
    from events
    where
        stage = 'lac'
        and event_date is not null

),

periods as (

    select * from registrations
    union all
    select * from episodes

),

final as (

    select
        periods.record_id,
        children.child_key,
        periods.period_type,
        periods.start_date,
        periods.end_date,
        periods.trust,
        periods.team,
        children.birth_year,
        children.birth_month,
        periods.end_date is null as is_open
    from periods
    inner join children
        on periods.child_id = children.child_id

)

select * from final
