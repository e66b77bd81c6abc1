{#-
    One row per child with contact: a person with at least one record that is
    neither a client record, nor an adult referral, nor a Client 41 episode
    started at 18 or over, with their resolved attributes.
-#}
with

linked as (

    select * from {{ ref('int_records_linked') }}

),

linked_client41 as (

    -- read apart from `linked` so the filter reaches the scan (a relation
    -- read twice is materialised in full first)
    select * from {{ ref('int_records_linked') }}
    where module = 'client41'

),

referrals_classified as (

    select * from {{ ref('int_referrals_classified') }}

),

persons as (

    select * from {{ ref('int_persons_resolved') }}

),

client41 as (

    select * from {{ ref('stg_soscare__client41') }}

),

adult_client41_records as (

    select client41.record_id
    from client41
    inner join linked_client41
        on client41.record_id = linked_client41.record_id
    inner join persons
        on linked_client41.child_id = persons.child_id
    where {{ age_on('persons.birth_year', 'persons.birth_month', 'client41.start_date') }} >= 18

),

adult_referral_records as (

    select record_id
    from referrals_classified
    where is_adult

),

non_contact_records as (

    -- the few records kept out of contact besides client records: a small
    -- table for the linked records to be matched against, rather than every
    -- referral
    select record_id from adult_referral_records
    union all
    select record_id from adult_client41_records

),

contact_records as (

    select
        linked.child_id,
        linked.record_id,
        linked.module,
        linked.record_date
    from linked
    left join non_contact_records
        on linked.record_id = non_contact_records.record_id
    where
        linked.module != 'client'
        and non_contact_records.record_id is null

),

contact_summarised as (

    select
        child_id,
        count(*) as n_contact_records,
        min(record_date) as first_contact_date,
        max(record_date) as last_contact_date
    from contact_records
    group by child_id

),

final as (

    select
        persons.child_key,
        persons.child_id,
        persons.birth_year,
        persons.birth_month,
        persons.sex,
        persons.soa_code,
        persons.area_trust,
        persons.deprivation_decile,
        persons.deprivation_quintile,
        persons.n_records,
        contact_summarised.n_contact_records,
        contact_summarised.first_contact_date,
        contact_summarised.last_contact_date
    from persons
    inner join contact_summarised
        on persons.child_id = contact_summarised.child_id

)

select * from final
