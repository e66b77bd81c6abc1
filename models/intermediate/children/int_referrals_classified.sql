{#-
    One row per referral record: the person it belongs to, their age on the
    referral date under the project's age convention, and whether it is an
    adult's referral (aged 18 or over), kept out of children's referrals.
-#}
with

referrals as (

    select * from {{ ref('stg_soscare__referrals') }}

),

linked as (

    select * from {{ ref('int_records_linked') }}

),

persons as (

    select * from {{ ref('int_persons_resolved') }}

),

joined as (

    select
        referrals.record_id,
        linked.child_id,
        referrals.referral_date,
        referrals.trust,
        referrals.team,
        referrals.seq_no,
        persons.birth_year,
        persons.birth_month,
        {{ age_on('persons.birth_year', 'persons.birth_month', 'referrals.referral_date') }} as age_at_referral
    from referrals
    inner join linked
        on referrals.record_id = linked.record_id
    left join persons
        on linked.child_id = persons.child_id

),

final as (

    select
        record_id,
        child_id,
        referral_date,
        trust,
        team,
        seq_no,
        age_at_referral,
        coalesce(age_at_referral >= 18, false) as is_adult,
        age_at_referral is null as is_age_unknown,
        {{ financial_year_ending('referral_date') }} as year_ending
    from joined

)

select * from final
