{#-
    CP-IS flags: one row per child with a valid HCN who, at the reference
    date, is on the CP register or looked after (and under 18), with the flag
    type, since when, and the Trust and team responsible (the looked-after
    episode's when both). Identifiable: restricted tier only.
-#}
with

periods as (

    select * from {{ ref('int_cpis_protection_periods_listed') }}

),

hcns as (

    select * from {{ ref('int_cpis_child_hcns_listed') }}

),

reference_days as (

    select distinct
        child_key,
        {{ reference_date_literal() }} as status_date
    from periods

),

statuses as (

    {{ cpis_status_on_days('periods', 'reference_days') }}

),

flag_hcns as (

    select
        hcn,
        child_key,
        child_valid_hcns
    from hcns
    where is_flag_hcn

),

final as (

    select
        flag_hcns.hcn,
        statuses.child_key,
        statuses.flag_type,
        statuses.flag_start_date,
        statuses.responsible_trust as trust,
        statuses.responsible_team as team,
        statuses.cp_start_date,
        statuses.lac_start_date,
        flag_hcns.child_valid_hcns as n_valid_hcns
    from statuses
    inner join flag_hcns
        on statuses.child_key = flag_hcns.child_key

)

select * from final
