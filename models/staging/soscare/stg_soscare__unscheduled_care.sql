with

source as (
    select * from {{ source('soscare', 'unscheduled_care') }}
),

code_setting_type as (
    select * from {{ ref('code_setting_type') }}
),

code_trust as (
    select * from {{ ref('code_trust') }}
),

deduplicated as (
    {{ fold_duplicate_lines('source', [
        'attendance_id',
        'hcn',
        'arrival_date',
        'setting_type',
        'setting_trust'
    ]) }}
),

cleaned as (
    select
        {{ record_columns('unscheduled_care') }},
        {{ clean_text('attendance_id') }} as attendance_id,
        {{ hcn_columns('hcn') }},
        {{ date_columns('arrival_date') }},
        {{ code_columns('setting_type', 'code_setting_type') }},
        {{ code_columns('setting_trust', 'code_trust') }}
    from deduplicated
),

final as (
    select * from cleaned
)

select * from final
