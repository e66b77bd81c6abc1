{#-
    One row per child with contact: a person with at least one record that is
    neither a client record, nor an adult referral, nor a Client 41 episode
    started at 18 or over, with their resolved attributes.
-#}
with

linked as (

    select * from {{ ref('int_records_linked') }}

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

soscare_ids as (

    select * from {{ ref('int_soscare_ids_profiled') }}

),

client41_linked as (

    -- the child of each Client 41 record, by the rule of int_records_linked
    select
        client41.record_id,
        client41.start_date,
        {{ record_child_id('client41', 'soscare_ids') }} as child_id
    from client41
    left join soscare_ids
        on client41.soscare_id = soscare_ids.soscare_id

),

adult_client41_records as (

    select client41_linked.record_id
    from client41_linked
    inner join persons
        on client41_linked.child_id = persons.child_id
    where {{ age_on('persons.birth_year', 'persons.birth_month', 'client41_linked.start_date') }} >= 18

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
