with

source as (
    select * from {{ source('soscare', 'cp_investigations') }}
),

code_trust as (
    select * from {{ ref('code_trust') }}
),

code_abuse_type as (
    select * from {{ ref('code_abuse_type') }}
),

code_cpi_outcome as (
    select * from {{ ref('code_cpi_outcome') }}
),

deduplicated as (
    {{ fold_duplicate_lines('source', [
        'hcn',
        'soscare_id',
        'team',
        'trust',
        'seq_no',
        'cpi_referral_date',
        'abuse_type_1',
        'abuse_type_2',
        'abuse_type_3',
        'abuse_type_4',
        'outcome',
        'outcome_date'
    ]) }}
),

hcn_dictionary as (
    {{ hcn_dictionary('deduplicated', 'hcn') }}
),

date_dictionary as (
    {{ date_dictionary('deduplicated', [
        'cpi_referral_date',
        'outcome_date'
    ]) }}
),

cleaned as (
    select
        {{ record_columns('cp_investigations') }},
        {{ hcn_columns() }},
        {{ clean_text('soscare_id') }} as soscare_id,
        {{ clean_upper('team') }} as team,
        {{ code_columns('trust') }},
        {{ integer_columns('seq_no') }},
        {{ date_columns('cpi_referral_date') }},
        {{ code_columns('abuse_type_1') }},
        {{ code_columns('abuse_type_2') }},
        {{ code_columns('abuse_type_3') }},
        {{ code_columns('abuse_type_4') }},
        {{ code_columns('outcome') }},
        {{ date_columns('outcome_date') }}
    from deduplicated
    {{ join_hcn_dictionary('hcn') }}
    {{ join_code_list('trust', 'code_trust') }}
    {{ join_date_dictionary('cpi_referral_date') }}
    {{ join_code_list('abuse_type_1', 'code_abuse_type') }}
    {{ join_code_list('abuse_type_2', 'code_abuse_type') }}
    {{ join_code_list('abuse_type_3', 'code_abuse_type') }}
    {{ join_code_list('abuse_type_4', 'code_abuse_type') }}
    {{ join_code_list('outcome', 'code_cpi_outcome') }}
    {{ join_date_dictionary('outcome_date') }}
),

final as (
    select
        *,
        cpi_referral_date as record_date
    from cleaned
)

select * from final
