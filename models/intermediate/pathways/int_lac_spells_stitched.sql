{#-
    Looked-after spells: each child's dated looked-after episodes joined where
    the next starts no later than the day after the latest discharge so far
    (overlapping and duplicate episodes join too). See doc block `lac_spells`.
-#}
with

events as (

    select * from {{ ref('int_stage_events_unioned') }}

),

children as (

    select * from {{ ref('int_children_identified') }}

),

episodes as (

    select
        child_id,
        record_id,
        trust,
        team,
        event_date as start_date,
        case
            when end_date < event_date then event_date
            else end_date
        end as discharge_date,
        -- an open episode (no discharge) runs past every later start
        case
            when end_date is null then cast('9999-12-31' as date)
            when end_date < event_date then event_date
            else end_date
        end as discharge_or_open
    from events
    where
        stage = 'lac'
        and event_date is not null

),

running_ends as (

    select
        *,
        max(discharge_or_open) over (
            partition by child_id
            order by start_date, discharge_or_open, record_id
            rows between unbounded preceding and 1 preceding
        ) as previous_latest_end
    from episodes

),

spell_starts_flagged as (

    select
        *,
        case
            when previous_latest_end is null then 1
            when start_date > {{ dbt.dateadd('day', 1, 'previous_latest_end') }} then 1
            else 0
        end as is_spell_start
    from running_ends

),

spell_numbered as (

    select
        *,
        sum(is_spell_start) over (
            partition by child_id
            order by start_date, discharge_or_open, record_id
            rows between unbounded preceding and current row
        ) as spell_number
    from spell_starts_flagged

),

last_episodes as (

    select
        child_id,
        spell_number,
        trust,
        team,
        row_number() over (
            partition by child_id, spell_number
            order by discharge_or_open desc, start_date desc, record_id desc
        ) as end_rank
    from spell_numbered

),

spells as (

    select
        child_id,
        spell_number,
        min(start_date) as spell_start_date,
        max(discharge_or_open) as latest_end,
        count(*) as n_episodes
    from spell_numbered
    group by child_id, spell_number

),

final as (

    select
        children.child_key || '-' || cast(spells.spell_number as varchar) as spell_id,
        children.child_key,
        spells.child_id,
        spells.spell_number,
        spells.spell_start_date,
        case
            when spells.latest_end != cast('9999-12-31' as date) then spells.latest_end
        end as spell_end_date,
        spells.latest_end = cast('9999-12-31' as date) as is_open,
        spells.n_episodes,
        {{ dbt.datediff(
            'spells.spell_start_date',
            'least(spells.latest_end, ' ~ reference_date_literal() ~ ')',
            'day'
        ) }} as days_looked_after,
        last_episodes.trust,
        last_episodes.team
    from spells
    inner join last_episodes
        on
            spells.child_id = last_episodes.child_id
            and spells.spell_number = last_episodes.spell_number
            and last_episodes.end_rank = 1
    inner join children
        on spells.child_id = children.child_id

)

select * from final
