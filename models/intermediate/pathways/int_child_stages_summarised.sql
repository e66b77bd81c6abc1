{#-
    One row per child with contact: each stage's own first date and count, the
    nested first-stage dates (cp and lac imply cin, cin implies referral), the
    furthest stage, looked-after spells and days looked after.
-#}
with

children as (

    select * from {{ ref('int_children_identified') }}

),

events as (

    select * from {{ ref('int_stage_events_unioned') }}

),

spells as (

    select * from {{ ref('int_lac_spells_stitched') }}

),

events_summarised as (

    select
        child_id,
        min(case when stage = 'referral' then event_date end) as own_first_referral_date,
        min(case when stage = 'cin' then event_date end) as own_first_cin_date,
        min(case when stage = 'cp_investigation' then event_date end) as first_cp_investigation_date,
        min(case when stage = 'cp' then event_date end) as first_cp_registration_date,
        min(case when stage = 'lac' then event_date end) as first_lac_date,
        count(case when stage = 'referral' then 1 end) as n_referrals,
        count(case when stage = 'cin' then 1 end) as n_cin_episodes,
        count(case when stage = 'cp_investigation' then 1 end) as n_cp_investigations,
        count(case when stage = 'cp' then 1 end) as n_cp_registrations,
        count(case when stage = 'lac' then 1 end) as n_lac_episodes
    from events
    group by child_id

),

spells_summarised as (

    select
        child_id,
        count(*) as n_lac_spells,
        cast(sum(days_looked_after) as {{ dbt.type_bigint() }}) as days_looked_after
    from spells
    group by child_id

),

joined as (

    select
        children.child_key,
        events_summarised.own_first_referral_date,
        events_summarised.own_first_cin_date,
        events_summarised.first_cp_investigation_date,
        events_summarised.first_cp_registration_date,
        events_summarised.first_lac_date,
        coalesce(events_summarised.n_referrals, 0) as n_referrals,
        coalesce(events_summarised.n_cin_episodes, 0) as n_cin_episodes,
        coalesce(events_summarised.n_cp_investigations, 0) as n_cp_investigations,
        coalesce(events_summarised.n_cp_registrations, 0) as n_cp_registrations,
        coalesce(events_summarised.n_lac_episodes, 0) as n_lac_episodes,
        coalesce(spells_summarised.n_lac_spells, 0) as n_lac_spells,
        coalesce(spells_summarised.days_looked_after, 0) as days_looked_after
    from children
    left join events_summarised
        on children.child_id = events_summarised.child_id
    left join spells_summarised
        on children.child_id = spells_summarised.child_id

),

cin_nested as (

    select
        *,
        -- least() ignores nulls in DuckDB but not everywhere: nulls coalesced to a far date
        nullif(
            least(
                coalesce(own_first_cin_date, cast('9999-12-31' as date)),
                coalesce(first_cp_registration_date, cast('9999-12-31' as date)),
                coalesce(first_lac_date, cast('9999-12-31' as date))
            ),
            cast('9999-12-31' as date)
        ) as first_cin_date
    from joined

),

referral_nested as (

    select
        *,
        nullif(
            least(
                coalesce(own_first_referral_date, cast('9999-12-31' as date)),
                coalesce(first_cin_date, cast('9999-12-31' as date))
            ),
            cast('9999-12-31' as date)
        ) as first_referral_date
    from cin_nested

),

final as (

    select
        child_key,
        first_referral_date,
        first_cin_date,
        first_cp_investigation_date,
        first_cp_registration_date,
        first_lac_date,
        own_first_referral_date,
        own_first_cin_date,
        n_referrals,
        n_cin_episodes,
        n_cp_investigations,
        n_cp_registrations,
        n_lac_episodes,
        n_lac_spells,
        days_looked_after,
        case
            when n_lac_episodes > 0 then 'lac'
            when n_cp_registrations > 0 then 'cp'
            when n_cin_episodes > 0 then 'cin'
            when n_referrals > 0 then 'referral'
            else 'none'
        end as furthest_stage
    from referral_nested

)

select * from final
