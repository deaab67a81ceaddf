package io.lepton.gateway.engine.text;

import static io.lepton.gateway.engine.text.CharClasses.isHan;

import java.util.Set;

/**
 * Chinese names: a surname (one of the ~200 most common single-character surnames or a compound surname such as 欧阳,
 * 司马, 诸葛) plus one or two given-name characters, reported when a cue comes just before it (我叫, 我是, 姓名：,
 * 联系人：, 亲爱的, 您好 ...) or an honorific just after it (先生, 女士, 小姐, 老师, 经理). Recall limit: names
 * without either, and surnames outside the list, are not detected.
 */
final class HanNameDetector implements Detector {
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
        + "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛"
        + "邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍"
        + "华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇"
        + "桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";
    private static final String[] COMPOUND_SURNAMES = {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙",
        "慕容", "令狐", "夏侯", "司徒", "长孙", "宇文", "轩辕", "端木", "南宫", "西门", "独孤", "申屠", "钟离", "闻人",
        "澹台", "赫连", "呼延", "濮阳", "太史", "公冶", "万俟"};
    private static final boolean[] IS_SURNAME = new boolean[0x9FFF - 0x4E00 + 1];
    private static final boolean[] STARTS_COMPOUND = new boolean[0x9FFF - 0x4E00 + 1];

    static {
        for (char c : SURNAMES.toCharArray()) {
            IS_SURNAME[c - 0x4E00] = true;
        }
        for (String compound : COMPOUND_SURNAMES) {
            STARTS_COMPOUND[compound.charAt(0) - 0x4E00] = true;
        }
    }

    private static final String[] CUES = {"我叫", "我是", "名字是", "名字叫", "姓名：", "姓名:", "姓名", "联系人：", "联系人:",
        "联系人", "收件人：", "收件人", "亲爱的", "您好，", "你好，", "尊敬的", "致", "客户", "本人", "签名："};
    private static final String[] HONORIFICS = {"先生", "女士", "小姐", "老师", "经理", "同学", "医生", "律师", "总"};
    private static final String HAN_STOP = "的了在是和你我他她要想有从来现今已不也就都会需请打刚买用订说，。！？、";

    @Override
    public Set<TextPiiType> types() {
        return Set.of(TextPiiType.PERSON_NAME);
    }

    @Override
    public Set<Trigger> triggers() {
        return Set.of(Trigger.HAN);
    }

    @Override
    public String validator() {
        return "common or compound surname + 1-2 characters, with a cue before or an honorific after";
    }

    @Override
    public String oracleTest() {
        return "NameDetectionTest";
    }

    /** {@code text.charAt(at)} is a Han character; returns where scanning resumes or -1. */
    @Override
    public int detect(CharSequence text, int at, int ignored, CandidateSink sink) {
        int surnameLength = surnameAt(text, at);
        if (surnameLength == 0) {
            return -1;
        }
        int givenStart = at + surnameLength;
        int end = givenStart;
        while (end < text.length() && end - givenStart < 2 && isHan(text.charAt(end))
            && HAN_STOP.indexOf(text.charAt(end)) < 0 && !startsWithAny(text, end, HONORIFICS)) {
            end++;
        }
        boolean honorific = startsWithAny(text, end, HONORIFICS);
        if (end == givenStart && !honorific) {
            return -1;
        }
        if (!honorific && !cued(text, at)) {
            return -1;
        }
        sink.add(at, end, TextPiiType.PERSON_NAME);
        return end;
    }

    private static int surnameAt(CharSequence text, int at) {
        if (STARTS_COMPOUND[text.charAt(at) - 0x4E00]) {
            for (String compound : COMPOUND_SURNAMES) {
                if (matches(text, at, compound)) {
                    return 2;
                }
            }
        }
        return IS_SURNAME[text.charAt(at) - 0x4E00] ? 1 : 0;
    }

    private static boolean cued(CharSequence text, int at) {
        for (String cue : CUES) {
            int s = at - cue.length();
            if (s >= 0 && matches(text, s, cue)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(CharSequence text, int at, String[] words) {
        for (String w : words) {
            if (matches(text, at, w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(CharSequence text, int from, String s) {
        if (from + s.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (text.charAt(from + k) != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
