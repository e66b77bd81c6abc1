{#-
    One row per staged record of every SOSCARE module, with the identifiers and
    the few fields identity resolution needs. Modules without a trust or seq_no
    column give nulls; the client and family modules have no event date.
-#}
with

{{ soscare_staging_imports([
    'referrals',
    'children_in_need',
    'cp_investigations',
    'cp_conferences',
    'cp_registrations',
    'looked_after',
    'client27',
    'client27_legal_status',
    'family',
    'client',
    'client41',
    'physical_impairment',
    'learning_disability',
    'mental_health',
]) }}

unioned as (

    select
        record_id,
        'referrals' as module,
        hcn,
        soscare_id,
        trust,
        seq_no,
        record_date
    from referrals
    union all
    select
        record_id,
        'children_in_need' as module,
        hcn,
        soscare_id,
        trust,
        seq_no,
        record_date
    from children_in_need
    union all
    select
        record_id,
        'cp_investigations' as module,
        hcn,
        soscare_id,
        trust,
        seq_no,
        record_date
    from cp_investigations
    union all
    select
        record_id,
        'cp_conferences' as module,
        hcn,
        soscare_id,
        trust,
        seq_no,
        record_date
    from cp_conferences
    union all
    select
        record_id,
        'cp_registrations' as module,
        hcn,
        soscare_id,
        trust,
        seq_no,
        record_date
    from cp_registrations
    union all
    select
        record_id,
        'looked_after' as module,
        hcn,
        soscare_id,
        trust,
        seq_no,
        record_date
    from looked_after
    union all
    select
        record_id,
        'client27' as module,
        hcn,
        soscare_id,
        cast(null as varchar) as trust,
        seq_no,
        record_date
    from client27
    union all
    select
        record_id,
        'client27_legal_status' as module,
        hcn,
        soscare_id,
        cast(null as varchar) as trust,
        cast(null as integer) as seq_no,
        record_date
    from client27_legal_status
    union all
    select
        record_id,
        'family' as module,
        hcn,
        soscare_id,
        cast(null as varchar) as trust,
        cast(null as integer) as seq_no,
        cast(null as date) as record_date
    from family
    union all
    select
        record_id,
        'client' as module,
        hcn,
        soscare_id,
        trust,
        seq_no,
        cast(null as date) as record_date
    from client
    union all
    select
        record_id,
        'client41' as module,
        hcn,
        soscare_id,
        trust,
        seq_no,
        record_date
    from client41
    union all
    select
        record_id,
        'physical_impairment' as module,
        hcn,
        soscare_id,
        cast(null as varchar) as trust,
        cast(null as integer) as seq_no,
        record_date
    from physical_impairment
    union all
    select
        record_id,
        'learning_disability' as module,
        hcn,
        soscare_id,
        cast(null as varchar) as trust,
        cast(null as integer) as seq_no,
        record_date
    from learning_disability
    union all
    select
        record_id,
        'mental_health' as module,
        hcn,
        soscare_id,
        cast(null as varchar) as trust,
        cast(null as integer) as seq_no,
        record_date
    from mental_health

),


final as (

    select
        record_id,
        module,
        hcn,
        soscare_id,
        trust,
        seq_no,
        record_date,
        hcn is not null or soscare_id is not null as has_identifier
    from unioned

)

select * from final
