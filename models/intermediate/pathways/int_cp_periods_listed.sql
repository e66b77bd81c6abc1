{#-
    CP registration periods: one row per dated child protection registration
    of a child, open from its registration date up to (not including) its
    de-registration date, or through the reference date when it has none.
-#}
with

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
        event_date as registration_date,
        trust,
        team,
        case
            when end_date < event_date then event_date
            else end_date
        end as deregistration_date
    from events
    where
        stage = 'cp'
        and event_date is not null

),

final as (

    select
        registrations.record_id,
        children.child_key,
        registrations.child_id,
        registrations.registration_date,
        registrations.deregistration_date,
        registrations.deregistration_date is null as is_open,
        {{ dbt.datediff(
            'registrations.registration_date',
            'coalesce(registrations.deregistration_date, ' ~ reference_date_literal() ~ ')',
            'day'
        ) }} as days_registered,
        registrations.trust,
        registrations.team
    from registrations
    inner join children
        on registrations.child_id = children.child_id

)

select * from final
