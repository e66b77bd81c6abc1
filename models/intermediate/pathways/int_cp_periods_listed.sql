{#-
    CP registration periods: one row per dated child protection registration
    of a child, open from its registration date up to (not including) its
    de-registration date, or through the reference date when it has none.
-#}
with

events as (

    select * from {{ ref('int_stage_events_unioned') }}

),

registrations as (

    select
        record_id,
        child_key,
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
        record_id,
        child_key,
        registration_date,
        deregistration_date,
        deregistration_date is null as is_open,
        {{ dbt.datediff(
            'registration_date',
            'coalesce(deregistration_date, ' ~ reference_date_literal() ~ ')',
            'day'
        ) }} as days_registered,
        trust,
        team
    from registrations

)

select * from final
