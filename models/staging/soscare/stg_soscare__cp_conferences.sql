with

source as (
    select * from {{ source('soscare', 'cp_conferences') }}
),

code_trust as (
    select * from {{ ref('code_trust') }}
),

code_abuse_type as (
    select * from {{ ref('code_abuse_type') }}
),

code_conference_outcome as (
    select * from {{ ref('code_conference_outcome') }}
),

code_registration_reason as (
    select * from {{ ref('code_registration_reason') }}
),

deduplicated as (
    {{ fold_duplicate_lines('source', [
        'hcn',
        'soscare_id',
        'team',
        'trust',
        'seq_no',
        'conference_date',
        'abuse_type_1',
        'abuse_type_2',
        'abuse_type_3',
        'abuse_type_4',
        'outcome',
        'registration_reason'
    ]) }}
),

hcn_dictionary as (
    {{ hcn_dictionary('deduplicated', 'hcn') }}
),

date_dictionary as (
    {{ date_dictionary('deduplicated', [
        'conference_date'
    ]) }}
),

cleaned as (
    select
        {{ record_columns('cp_conferences') }},
        {{ hcn_columns() }},
        {{ clean_text('soscare_id') }} as soscare_id,
        {{ clean_upper('team') }} as team,
        {{ code_columns('trust') }},
        {{ integer_columns('seq_no') }},
        {{ date_columns('conference_date') }},
        {{ code_columns('abuse_type_1') }},
        {{ code_columns('abuse_type_2') }},
        {{ code_columns('abuse_type_3') }},
        {{ code_columns('abuse_type_4') }},
        {{ code_columns('outcome') }},
        {{ code_columns('registration_reason') }}
    from deduplicated
    {{ join_hcn_dictionary('hcn') }}
    {{ join_code_list('trust', 'code_trust') }}
    {{ join_date_dictionary('conference_date') }}
    {{ join_code_list('abuse_type_1', 'code_abuse_type') }}
    {{ join_code_list('abuse_type_2', 'code_abuse_type') }}
    {{ join_code_list('abuse_type_3', 'code_abuse_type') }}
    {{ join_code_list('abuse_type_4', 'code_abuse_type') }}
    {{ join_code_list('outcome', 'code_conference_outcome') }}
    {{ join_code_list('registration_reason', 'code_registration_reason') }}
),

final as (
    select
        *,
        conference_date as record_date
    from cleaned
)

select * from final
