package androidx.annotation;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Compile-only: the lint annotation of androidx.annotation. */
@Retention(RetentionPolicy.CLASS)
public @interface RequiresApi {
    int value() default 1;

    int api() default 1;
}
