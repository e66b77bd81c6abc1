with

source as (
    select * from {{ source('soscare', 'referrals') }}
),

code_trust as (
    select * from {{ ref('code_trust') }}
),

code_referral_reason as (
    select * from {{ ref('code_referral_reason') }}
),

code_rejection_reason as (
    select * from {{ ref('code_rejection_reason') }}
),

code_referral_outcome as (
    select * from {{ ref('code_referral_outcome') }}
),

deduplicated as (
    {{ fold_duplicate_lines('source', [
        'hcn',
        'soscare_id',
        'team',
        'trust',
        'seq_no',
        'referral_date',
        'referral_reason',
        'allocated_date',
        'initial_assessment_date',
        'rejection_reason',
        'referral_outcome',
        'closed_date'
    ]) }}
),

hcn_dictionary as (
    {{ hcn_dictionary('deduplicated', 'hcn') }}
),

date_dictionary as (
    {{ date_dictionary('deduplicated', [
        'referral_date',
        'allocated_date',
        'initial_assessment_date',
        'closed_date'
    ]) }}
),

cleaned as (
    select
        {{ record_columns('referrals') }},
        {{ hcn_columns() }},
        {{ clean_text('soscare_id') }} as soscare_id,
        {{ clean_upper('team') }} as team,
        {{ code_columns('trust') }},
        {{ integer_columns('seq_no') }},
        {{ date_columns('referral_date') }},
        {{ code_columns('referral_reason') }},
        {{ date_columns('allocated_date') }},
        {{ date_columns('initial_assessment_date') }},
        {{ code_columns('rejection_reason') }},
        {{ code_columns('referral_outcome') }},
        {{ date_columns('closed_date') }}
    from deduplicated
    {{ join_hcn_dictionary('hcn') }}
    {{ join_code_list('trust', 'code_trust') }}
    {{ join_date_dictionary('referral_date') }}
    {{ join_code_list('referral_reason', 'code_referral_reason') }}
    {{ join_date_dictionary('allocated_date') }}
    {{ join_date_dictionary('initial_assessment_date') }}
    {{ join_code_list('rejection_reason', 'code_rejection_reason') }}
    {{ join_code_list('referral_outcome', 'code_referral_outcome') }}
    {{ join_date_dictionary('closed_date') }}
),

final as (
    select
        *,
        referral_date as record_date
    from cleaned
)

select * from final
