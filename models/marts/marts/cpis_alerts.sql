{#-
    CP-IS alerts: one row per unscheduled care attendance (linked to a child by
    valid HCN) of a child on the CP register or looked after on the arrival
    date, with the flag type that day, the setting and the responsible Trust,
    whether the attendance crossed a Trust border, and how many attendances
    the child had before it (at most 25, as the service shows 25 episodes).
-#}
{%- set episodes_shown = 25 -%}
with

attendances as (

    select * from {{ ref('int_cpis_attendances_linked') }}

),

periods as (

    select * from {{ ref('int_cpis_protection_periods_listed') }}

),

child_attendances as (

    select
        attendance_id,
        child_key,
        arrival_date,
        setting_type,
        setting_trust,
        -- attendances before this one: an earlier date, or the same date and a smaller id (as text)
        rank() over (
            partition by child_key
            order by arrival_date, attendance_id
        ) - 1 as attendances_before
    from attendances
    where
        child_key is not null
        and arrival_date is not null

),

arrival_days as (

    select
        child_key,
        arrival_date as status_date
    from child_attendances

),

statuses as (

    {{ cpis_status_on_days('periods', 'arrival_days') }}

),

alerted as (

    select
        child_attendances.attendance_id,
        child_attendances.child_key,
        child_attendances.arrival_date,
        statuses.flag_type,
        statuses.flag_start_date,
        child_attendances.setting_type,
        child_attendances.setting_trust,
        statuses.responsible_trust,
        child_attendances.attendances_before
    from child_attendances
    inner join statuses
        on
            child_attendances.child_key = statuses.child_key
            and child_attendances.arrival_date = statuses.status_date

),

final as (

    select
        attendance_id,
        child_key,
        arrival_date,
        flag_type,
        setting_type,
        setting_trust,
        responsible_trust,
        case
            when
                setting_trust is null
                or setting_trust = 'UNKNOWN'
                or responsible_trust is null
                or responsible_trust = 'UNKNOWN'
                then null
            else setting_trust != responsible_trust
        end as is_cross_border,
        least(attendances_before, {{ episodes_shown }}) as previous_attendances,
        flag_start_date,
        {{ financial_year_ending('arrival_date') }} as year_ending
    from alerted

)

select * from final
