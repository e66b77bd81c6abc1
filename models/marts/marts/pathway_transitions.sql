{#-
    One row per pair of stages (from a stage to each deeper one): how many
    children who reached the first stage went on to reach the deeper one (on
    the same day or later, by the nested first-stage dates), and the days it
    took (median and quartiles).
-#}
with

stage_list as (

    select * from {{ ref('pathway_stages') }}

),

stages as (

    select * from {{ ref('int_child_stages_summarised') }}

),

stage_dates as (

    select
        child_key,
        'referral' as stage,  -- noqa: RF04
        1 as stage_order,
        first_referral_date as first_date
    from stages
    union all
    select
        child_key,
        'cin' as stage,  -- noqa: RF04
        2 as stage_order,
        first_cin_date as first_date
    from stages
    union all
    select
        child_key,
        'cp' as stage,  -- noqa: RF04
        3 as stage_order,
        first_cp_registration_date as first_date
    from stages
    union all
    select
        child_key,
        'lac' as stage,  -- noqa: RF04
        4 as stage_order,
        first_lac_date as first_date
    from stages

),

reached as (

    select *
    from stage_dates
    where first_date is not null

),

stage_pairs as (

    select
        from_stages.stage as from_stage,
        from_stages.stage_order as from_stage_order,
        to_stages.stage as to_stage,
        to_stages.stage_order as to_stage_order
    from stage_list as from_stages
    inner join stage_list as to_stages
        on from_stages.stage_order < to_stages.stage_order

),

reached_from as (

    select
        stage_pairs.from_stage,
        stage_pairs.to_stage,
        count(*) as children_reached_from_stage
    from stage_pairs
    inner join reached
        on stage_pairs.from_stage = reached.stage
    group by stage_pairs.from_stage, stage_pairs.to_stage

),

paired as (

    select
        stage_pairs.from_stage,
        stage_pairs.to_stage,
        from_reached.child_key,
        from_reached.first_date as from_date,
        to_reached.first_date as to_date
    from stage_pairs
    inner join reached as from_reached
        on stage_pairs.from_stage = from_reached.stage
    inner join reached as to_reached
        on
            stage_pairs.to_stage = to_reached.stage
            and from_reached.child_key = to_reached.child_key
            and from_reached.first_date <= to_reached.first_date

),

moves as (

    select
        from_stage,
        to_stage,
        child_key,
        {{ dbt.datediff('from_date', 'to_date', 'day') }} as days_taken
    from paired

),

moves_summarised as (

    select
        from_stage,
        to_stage,
        count(*) as children_moved,
        percentile_cont(0.5) within group (order by days_taken) as median_days,
        percentile_cont(0.25) within group (order by days_taken) as p25_days,
        percentile_cont(0.75) within group (order by days_taken) as p75_days,
        sum(case when days_taken = 0 then 1 else 0 end) as children_moved_same_day
    from moves
    group by from_stage, to_stage

),

final as (

    select
        stage_pairs.from_stage,
        stage_pairs.to_stage,
        moves_summarised.median_days,
        moves_summarised.p25_days,
        moves_summarised.p75_days,
        stage_pairs.from_stage_order,
        stage_pairs.to_stage_order,
        coalesce(reached_from.children_reached_from_stage, 0) as children_reached_from_stage,
        coalesce(moves_summarised.children_moved, 0) as children_moved,
        case
            when reached_from.children_reached_from_stage > 0
                then 100.0 * coalesce(moves_summarised.children_moved, 0) / reached_from.children_reached_from_stage
        end as pct_moved,
        coalesce(cast(moves_summarised.children_moved_same_day as bigint), 0) as children_moved_same_day
    from stage_pairs
    left join reached_from
        on
            stage_pairs.from_stage = reached_from.from_stage
            and stage_pairs.to_stage = reached_from.to_stage
    left join moves_summarised
        on
            stage_pairs.from_stage = moves_summarised.from_stage
            and stage_pairs.to_stage = moves_summarised.to_stage

)

select * from final
