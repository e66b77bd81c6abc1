{#-
    One row per unscheduled care attendance, linked to a child by its valid
    HCN only (child_key null when the HCN is invalid, blank or on no SOSCARE
    record).
-#}
with

unscheduled_care as (

    select * from {{ ref('stg_soscare__unscheduled_care') }}

),

hcns as (

    select * from {{ ref('int_cpis_child_hcns_listed') }}

),

final as (

    select
        unscheduled_care.record_id,
        unscheduled_care.attendance_id,
        hcns.child_key,
        unscheduled_care.arrival_date,
        unscheduled_care.setting_type,
        unscheduled_care.setting_trust,
        unscheduled_care.hcn is not null as has_valid_hcn,
        hcns.child_key is not null as is_linked
    from unscheduled_care
    left join hcns
        on unscheduled_care.hcn = hcns.hcn

)

select * from final
