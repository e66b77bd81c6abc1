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

    -- the child of each Client 41 episode, by the rule of int_records_linked
    select
        {{ record_child_id('client41', 'soscare_ids') }} as child_id,
        client41.start_date
    from client41
    left join soscare_ids
        on client41.soscare_id = soscare_ids.soscare_id

),

client41_aged as (

    -- whether each episode started at 18 or over (unknown ages count as a
    -- child's)
    select
        client41_linked.child_id,
        client41_linked.start_date,
        coalesce(
            {{ age_on('persons.birth_year', 'persons.birth_month', 'client41_linked.start_date') }} >= 18,
            false
        ) as is_adult
    from client41_linked
    left join persons
        on client41_linked.child_id = persons.child_id

),

contact_records as (

    -- every record but client records, adult referrals and Client 41
    -- episodes started at 18 or over. Referrals and Client 41 episodes come
    -- classified from their own models; the other modules from the linked
    -- records, whose view then links only theirs (its branches are filtered
    -- by module), with no match on record_id
    select
        child_id,
        record_date
    from linked
    where module not in ('client', 'referrals', 'client41')

    union all

    select
        child_id,
        referral_date as record_date
    from referrals_classified
    where not is_adult

    union all

    select
        child_id,
        start_date as record_date
    from client41_aged
    where not is_adult

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
