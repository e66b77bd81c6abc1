{#-
    One row per pathway event record of a child with contact: children's
    referrals (adult referrals left out), children-in-need episodes assessed
    IN_NEED, CP investigations (on the pathway, not a stage), CP registrations
    and looked-after episodes, each with its start (event) date and end date.
-#}
with

referrals_classified as (

    select * from {{ ref('int_referrals_classified') }}

),

children_in_need as (

    select * from {{ ref('stg_soscare__children_in_need') }}

),

cp_investigations as (

    select * from {{ ref('stg_soscare__cp_investigations') }}

),

cp_registrations as (

    select * from {{ ref('stg_soscare__cp_registrations') }}

),

looked_after as (

    select * from {{ ref('stg_soscare__looked_after') }}

),

soscare_ids as (

    select * from {{ ref('int_soscare_ids_profiled') }}

),

children as (

    select child_id from {{ ref('int_children_identified') }}

),

referral_events as (

    -- classified referrals already carry their child_id
    select
        record_id,
        child_id,
        'referral' as stage,  -- noqa: RF04
        referral_date as event_date,
        cast(null as date) as end_date,
        trust,
        team
    from referrals_classified
    where not is_adult

),

cin_events as (

    select
        record_id,
        'cin' as stage,  -- noqa: RF04
        coalesce(initial_assessment_date, referral_date) as event_date,
        cast(null as date) as end_date,
        trust,
        team,
        hcn,
        soscare_id
    from children_in_need
    where assessment_outcome = 'IN_NEED'

),

cp_investigation_events as (

    select
        record_id,
        'cp_investigation' as stage,  -- noqa: RF04
        cpi_referral_date as event_date,
        outcome_date as end_date,
        trust,
        team,
        hcn,
        soscare_id
    from cp_investigations

),

cp_events as (

    select
        record_id,
        'cp' as stage,  -- noqa: RF04
        registration_date as event_date,
        deregistration_date as end_date,
        trust,
        team,
        hcn,
        soscare_id
    from cp_registrations

),

lac_events as (

    select
        record_id,
        'lac' as stage,  -- noqa: RF04
        episode_start_date as event_date,
        discharge_date as end_date,
        trust,
        team,
        hcn,
        soscare_id
    from looked_after

),

record_events as (

    select * from cin_events
    union all
    select * from cp_investigation_events
    union all
    select * from cp_events
    union all
    select * from lac_events

),

record_events_linked as (

    -- the child of each record, by the rule of int_records_linked
    select
        record_events.record_id,
        {{ record_child_id('record_events', 'soscare_ids') }} as child_id,
        record_events.stage,
        record_events.event_date,
        record_events.end_date,
        record_events.trust,
        record_events.team
    from record_events
    left join soscare_ids
        on record_events.soscare_id = soscare_ids.soscare_id

),

events as (

    select * from referral_events
    union all
    select * from record_events_linked

),

final as (

    select
        events.record_id,
        events.child_id,
        events.stage,
        events.event_date,
        events.end_date,
        events.trust,
        events.team,
        events.stage in ('referral', 'cin', 'cp', 'lac') as is_stage
    from events
    inner join children
        on events.child_id = children.child_id

)

select * from final
